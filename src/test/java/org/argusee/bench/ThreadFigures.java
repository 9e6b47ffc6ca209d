package org.argusee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The CPU of a process's threads from {@code /proc/<pid>/task/*}/stat (utime + stime), taken at a window's start and
 * end: the server's figure without its JIT compiler threads (a server started a few minutes before still compiles,
 * and that is not what a probe costs), and the network loop's threads together, per probe. A thread born in the window
 * counts from zero; one that ended in it is missing from the end (its time is lost, so the figures are a lower
 * bound; the bench's server keeps its threads).
 */
final class ThreadFigures {

    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux
    private static final String LOOP = "argus-netloop";

    /** Thread id -> (name, CPU ticks); empty when the process cannot be read. */
    private final Map<String, Map.Entry<String, Long>> threads;
    /** The network loop's ticks in the kernel (stime), of the ticks above. */
    private final long loopSystem;

    private ThreadFigures(Map<String, Map.Entry<String, Long>> threads, long loopSystem) {
        this.threads = threads;
        this.loopSystem = loopSystem;
    }

    static ThreadFigures of(OptionalLong pid) {
        Map<String, Map.Entry<String, Long>> threads = new HashMap<>();
        long[] loopSystem = {0};
        if (pid.isPresent()) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid.getAsLong() + "/task"))) {
                tasks.forEach(task -> read(task, threads, loopSystem));
            } catch (IOException e) {
                threads.clear();
            }
        }
        return new ThreadFigures(threads, loopSystem[0]);
    }

    private static void read(Path task, Map<String, Map.Entry<String, Long>> threads, long[] loopSystem) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long system = Long.parseLong(f[12]);
            threads.put(task.getFileName().toString(), Map.entry(name, Long.parseLong(f[11]) + system));
            if (isLoop(name)) {
                loopSystem[0] += system;
            }
        } catch (IOException | RuntimeException e) {
            // the thread ended between the listing and the read
        }
    }

    /** The loop's selector thread, or one of them ({@code argus-netloop-1}...; not its timer, {@code -t}). */
    private static boolean isLoop(String name) {
        return name.equals(LOOP)
                || name.startsWith(LOOP + "-")
                        && name.substring(LOOP.length() + 1).matches("\\d+");
    }

    /**
     * One line: the threads' CPU over the window (all of them, and without the JIT compiler threads) per 1,000
     * probes, and the network loop's thread per probe; "unknown" without the server's pid.
     */
    String since(ThreadFigures start, double probes) {
        if (threads.isEmpty() || start.threads.isEmpty() || probes == 0) {
            return "threads: unknown (no ARGUS_SERVER_PID)";
        }
        double all = 0;
        double jit = 0;
        double loop = 0;
        for (Map.Entry<String, Map.Entry<String, Long>> t : threads.entrySet()) {
            Map.Entry<String, Long> before = start.threads.get(t.getKey());
            double used = (t.getValue().getValue() - (before == null ? 0 : before.getValue())) / CLOCK_TICKS;
            String name = t.getValue().getKey();
            all += used;
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                jit += used;
            } else if (isLoop(name)) {
                loop += used;
            }
        }
        return String.format(
                "threads (/proc): CPU %.3f s per 1,000 probes, without the JIT compiler threads %.3f s (JIT %.2f "
                        + "core-s); %s %.2f core-s = %.0f us per probe, of which %.0f us in the kernel",
                all / probes * 1000,
                (all - jit) / probes * 1000,
                jit,
                LOOP,
                loop,
                loop / probes * 1e6,
                (loopSystem - start.loopSystem) / CLOCK_TICKS / probes * 1e6);
    }
}
