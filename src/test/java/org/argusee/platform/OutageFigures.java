package org.argusee.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;

/**
 * What a database outage drill measured, from the server's own metrics (heap in use, rows in the status writer's
 * queue) and the test's clock (how long a read took, how long until the marker and the writes came back); one line
 * per drill in a file bench/db-outage.sh collects, and in the test's log.
 */
final class OutageFigures {

    private static final Logger LOG = Logger.getLogger(OutageFigures.class.getName());

    private final Api admin;
    private final Path file;
    private double maxHeapMb;
    private double maxQueued;
    private long maxReadMs;

    OutageFigures(Api admin, Path file) {
        this.admin = admin;
        this.file = file;
    }

    /** The heap in use and the writer's queue now; the highest of each since the last {@link #write}. */
    void sample() {
        long start = System.nanoTime();
        Api.Reply metrics = admin.get("api/metrics");
        maxReadMs = Math.max(maxReadMs, (System.nanoTime() - start) / 1_000_000);
        if (metrics.status() != 200) {
            return;
        }
        double heap = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += value(line);
            } else if (line.startsWith("argus_status_queue_rows")) {
                maxQueued = Math.max(maxQueued, value(line));
            }
        }
        maxHeapMb = Math.max(maxHeapMb, heap / (1024 * 1024));
    }

    /** How long a read of a status took to show what the test just did. */
    void read(Duration took) {
        maxReadMs = Math.max(maxReadMs, took.toMillis());
    }

    void write(String drill, Duration outage, int transitions, int lost, Duration marked, Duration resumed) {
        String line = String.format(
                "drill=%s outage_s=%d transitions=%d lost=%d marked_ms=%d resumed_ms=%d max_read_ms=%d"
                        + " max_heap_mb=%.0f max_queue_rows=%.0f%n",
                drill,
                outage.toSeconds(),
                transitions,
                lost,
                marked.toMillis(),
                resumed.toMillis(),
                maxReadMs,
                maxHeapMb,
                maxQueued);
        LOG.info(line.strip());
        try {
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        maxHeapMb = 0;
        maxQueued = 0;
        maxReadMs = 0;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
