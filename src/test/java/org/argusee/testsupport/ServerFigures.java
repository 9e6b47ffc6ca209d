package org.argusee.testsupport;

/**
 * The deployed server's heap, read from its own Prometheus endpoint ({@code /api/metrics}, the JVM's memory pools
 * as Micrometer reports them): all heap pools together, and the old generation, which only grows with what is
 * kept. Read five times and the least kept, so garbage not yet collected weighs less in the reading.
 */
public record ServerFigures(long heapBytes, long oldGenBytes) {

    public static ServerFigures read(Api api) {
        long heap = Long.MAX_VALUE;
        long old = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long h = 0;
            long o = 0;
            for (String line : api.get("api/metrics").body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                    long v = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    h += v;
                    if (line.contains("Old Gen") || line.contains("Tenured")) {
                        o += v;
                    }
                }
            }
            heap = Math.min(heap, h);
            old = Math.min(old, o);
        }
        return new ServerFigures(heap, old);
    }

    @Override
    public String toString() {
        return "heap " + heapBytes / (1024 * 1024) + " MiB (old generation " + oldGenBytes / (1024 * 1024) + " MiB)";
    }
}
