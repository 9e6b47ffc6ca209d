package org.argusee.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.Messages;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.testsupport.Relay;

/**
 * The redundant part of the DARP benchmark: an idle window (what the links cost with nothing to report), then every
 * listener closed (each service goes down on each server at its next probe) and opened again. For each flip:
 * report -> combined latency (the master's histogram, and two figures from its database), bytes per report through
 * the relays, the master's CPU and heap.
 */
final class FlipRound {

    private static final int IDLE_SECONDS = 30;
    private static final String COMBINE = "argus_darp_report_combine_seconds";
    private static final String INTAKE = "argus_darp_intake_combine_seconds";

    private final DarpBench bench;
    private final TargetProcess listeners;
    private final PrintStream out;

    FlipRound(DarpBench bench, TargetProcess listeners) {
        this.bench = bench;
        this.listeners = listeners;
        this.out = bench.out();
    }

    void run() {
        long[] idle0 = bytes();
        Instant idleStart = Instant.now();
        DarpBench.pause(IDLE_SECONDS * 1000L);
        long[] idle1 = bytes();
        double idleSeconds = Duration.between(idleStart, Instant.now()).toMillis() / 1e3;
        out.printf(
                "idle links (2 slaves, nothing to report, %.0f s): %.0f B/s slave -> master, %.0f B/s back%n",
                idleSeconds, (idle1[0] - idle0[0]) / idleSeconds, (idle1[1] - idle0[1]) / idleSeconds);
        flip("down", "close", "closed");
        flip("up", "open", "opened");
        itemSize();
    }

    private void flip(String status, String command, String done) {
        BenchQueries db = bench.masterDb();
        String group = bench.benchGroup();
        int n = bench.services();
        Map<String, Double> m0 = bench.masterMetrics();
        long[] b0 = bytes();
        long seq0 = db.lastSeqs();
        Instant start = Instant.now();
        for (int h = 0; h < 10; h++) {
            listeners.ask(command + " " + h);
        }
        double heapMax = 0;
        Instant deadline = start.plus(Duration.ofSeconds(2L * bench.frequency() + 60));
        while (db.reports(group, status) < 2L * n && Instant.now().isBefore(deadline)) {
            heapMax = Math.max(heapMax, Figures.heap(bench.masterMetrics()));
            DarpBench.pause(1000);
        }
        long reportsDone = db.reports(group, status);
        Duration allReported = Duration.between(start, Instant.now());
        // the combined status follows the last report within moments once the master combines; give it 30 s
        Instant combinedDeadline = Instant.now().plusSeconds(30);
        while (db.statuses(group, status) < n && Instant.now().isBefore(combinedDeadline)) {
            DarpBench.pause(500);
        }
        long combined = db.statuses(group, status);
        Map<String, Double> m1 = bench.masterMetrics();
        long[] b1 = bytes();
        long items = db.lastSeqs() - seq0;
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1e3;
        heapMax = Math.max(heapMax, Figures.heap(m1));

        out.printf("%n== flip %s (listeners %s at %s, load average %s)%n", status, done, start, bench.load());
        out.printf(
                "reports %s stored on the master: %d of %d, all within %.1f s; combined %s on the master: %d of %d%n",
                status, reportsDone, 2L * n, allReported.toMillis() / 1e3, status, combined, n);
        out.printf(
                "report at -> combined status change in the master's memory (histogram %s): %s%n",
                COMBINE, Figures.histogram(m0, m1, COMBINE));
        out.printf(
                "message received on the master -> combined status change in memory (histogram %s): %s%n",
                INTAKE, Figures.histogram(m0, m1, INTAKE));
        out.printf(
                "report at -> report stored on the master (darp_report.received_at - reported_at): %s%n",
                Figures.millis(db.storeLatencies(group, status, start)));
        if ("down".equals(status)) {
            out.printf(
                    "first slave report at -> master's stored transition at (status_transition, where the slave "
                            + "was first): %s%n",
                    Figures.millis(db.firstReportToTransition(group, status, start)));
        }
        out.printf(
                "wire: %d report items acked (services and hosts); slave -> master %d B (%.0f B per report), master -> slave %d B "
                        + "(%.0f B per report), over %.0f s (idle pings included)%n",
                items,
                b1[0] - b0[0],
                items == 0 ? 0 : (b1[0] - b0[0]) / (double) items,
                b1[1] - b0[1],
                items == 0 ? 0 : (b1[1] - b0[1]) / (double) items,
                seconds);
        double cpu = Figures.delta(m0, m1, "process_cpu_time_ns_total") / 1e9;
        out.printf(
                "master: CPU %.1f s over %.0f s (%.0f %% of one core), heap max %.0f MB (sampled each second)%n",
                cpu, seconds, 100 * cpu / seconds, heapMax / 1e6);
    }

    /** The size of a one-item reports message as the wire code writes it, from reports the master stored. */
    private void itemSize() {
        List<String[]> rows = bench.sampleReports();
        if (rows.isEmpty()) {
            return;
        }
        long total = 0;
        for (String[] r : rows) {
            ReportItem item = new ReportItem(
                    Long.parseLong(r[5]), r[0], r[1], r[2], r[3], Instant.parse(r[4]), Boolean.parseBoolean(r[6]));
            total += Messages.write(new Message.Reports(List.of(item), List.of()))
                    .getBytes(StandardCharsets.UTF_8)
                    .length;
        }
        out.printf(
                "a one-item reports message (Messages.write, from %d stored reports): %.0f B on average%n",
                rows.size(), total / (double) rows.size());
    }

    /** Bytes through both relays so far: [slaves -> master, master -> slaves]. */
    private long[] bytes() {
        long up = 0;
        long down = 0;
        for (Relay r : bench.relays()) {
            up += r.bytesToTarget();
            down += r.bytesFromTarget();
        }
        return new long[] {up, down};
    }
}
