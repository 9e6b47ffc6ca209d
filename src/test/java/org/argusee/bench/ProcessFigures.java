package org.argusee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a benchmark reads of processes on this machine from /proc: a process's resident set (RSS, which the heap
 * figure leaves out: metaspace, code, thread stacks, direct buffers), the CPU of a process and its descendants (the
 * PostgreSQL postmaster and its backends), and the load average (the machine is shared: each figure says how busy it
 * was). Processes are named by environment variables, as the harness script finds them; absent ones read empty.
 */
final class ProcessFigures {

    private ProcessFigures() {}

    /** The pid in the environment variable {@code name}, if set and a number. */
    static OptionalLong pid(String name) {
        String value = System.getenv(name);
        try {
            return value == null || value.isBlank()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident set size in bytes (VmRSS), or -1 when the process cannot be read. */
    static long rss(OptionalLong pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid.getAsLong() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of the process and its live descendants in ns, or -1 when it cannot be read. */
    static long cpuNanos(OptionalLong pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid.getAsLong());
        if (p.isEmpty()) {
            return -1;
        }
        long own = p.get().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return own
                + p.get()
                        .descendants()
                        .mapToLong(d -> d.info()
                                .totalCpuDuration()
                                .map(Duration::toNanos)
                                .orElse(0L))
                        .sum();
    }

    /** The first three fields of /proc/loadavg (1, 5, 15 minutes), or "?" when unreadable. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "?";
        }
    }
}
