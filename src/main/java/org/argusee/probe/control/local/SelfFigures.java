package org.argusee.probe.control.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.argusee.probe.control.ProbeFailure;

/**
 * The server's own figures for {@code Self}. Of the original's params: {@code tested} (probes answered since start,
 * a counter: {@code calc: rate} gives probes per second), {@code objects} and {@code services} (in the tree),
 * {@code files} (open file descriptors), {@code idle} (seconds of CPU the server left unused since start, per
 * processor, so {@code calc: ave-rate} with {@code scale: 0.01} gives percent idle as in the original's sample),
 * {@code uptime1} (the server's uptime, s) and {@code uptime2} (the machine's, s). Added here: {@code uptime}
 * (= uptime1), {@code heap} (bytes of heap used), {@code threads} (live JVM threads) and {@code load} (the
 * system's one-minute load average).
 */
public final class SelfFigures {

    private static final Path PROC_UPTIME = Path.of("/proc/uptime");

    private SelfFigures() {}

    public static Map<String, DoubleSupplier> of(LongSupplier tested, IntSupplier objects, IntSupplier services) {
        Map<String, DoubleSupplier> f = new HashMap<>();
        f.put("tested", tested::getAsLong);
        f.put("objects", objects::getAsInt);
        f.put("services", services::getAsInt);
        f.put("files", SelfFigures::files);
        f.put("idle", SelfFigures::idle);
        f.put("uptime", SelfFigures::uptime);
        f.put("uptime1", SelfFigures::uptime);
        f.put("uptime2", SelfFigures::machineUptime);
        f.put(
                "heap",
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        f.put("threads", () -> ManagementFactory.getThreadMXBean().getThreadCount());
        f.put("load", SelfFigures::load);
        return Map.copyOf(f);
    }

    private static double uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }

    private static double idle() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return Math.max(0, uptime() - os.getProcessCpuTime() / 1e9 / os.getAvailableProcessors());
        }
        throw new ProbeFailure("the JVM does not give its CPU time here");
    }

    private static double files() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return os.getOpenFileDescriptorCount();
        }
        throw new ProbeFailure("not available on this system");
    }

    private static double load() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        if (load < 0) {
            throw new ProbeFailure("not available on this system");
        }
        return load;
    }

    private static double machineUptime() {
        try {
            String first = Files.readString(PROC_UPTIME, StandardCharsets.US_ASCII)
                    .strip()
                    .split("\\s+")[0];
            return Double.parseDouble(first);
        } catch (IOException | RuntimeException e) {
            throw new ProbeFailure("not available on this system");
        }
    }
}
