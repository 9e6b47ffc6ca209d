package org.argusee.bench;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The live side of the probing benchmark (issue 12): listeners flipped during the window, so there are changes to
 * push while the probes are measured (with or without clients alike), and with clients, their figures for the
 * window and a burst: every burst host's listeners closed at once and its group checked now, so its services
 * change within about a second; then opened and checked again. Hosts 1..flipHosts and the burst hosts have
 * {@code retries: 0}: one probe decides. BENCH_FLIP_HOSTS (default 60, at most a quarter of the hosts) sets how many
 * hosts flip; 0 leaves the window to probing alone, as issue 17's comparison with Argus 3.7 ran it (each flipped
 * host is 20 status changes in the window, and changes cost more than probes).
 */
final class LiveRounds {

    private static final Duration CONSISTENT_WITHIN = Duration.ofSeconds(120);

    final int flipHosts;
    final int burstHosts;
    private final int hosts;
    private final BenchServer server;
    private final PrintStream out;
    /** Sends "close" or "open" for a host to the listener process that has it. */
    private final BiConsumer<String, Integer> listeners;

    LiveRounds(int hosts, BenchServer server, PrintStream out, BiConsumer<String, Integer> listeners) {
        this.hosts = hosts;
        this.flipHosts = Math.min(Integer.parseInt(System.getenv().getOrDefault("BENCH_FLIP_HOSTS", "60")), hosts / 4);
        this.burstHosts = Math.min(1000, hosts / 2);
        this.server = server;
        this.out = out;
        this.listeners = listeners;
    }

    boolean inBurst(int host) {
        return host >= hosts - burstHosts;
    }

    boolean decidesAtOnce(int host) {
        return host <= flipHosts || inBurst(host);
    }

    /** A tick for each second of the window: closes the flip hosts over its first half, opens them in the second. */
    Runnable flips(int windowSeconds) {
        long start = System.nanoTime();
        int[] done = {0};
        return () -> {
            double elapsed = (System.nanoTime() - start) / 1e9;
            int due = (int) Math.min(2L * flipHosts, Math.floor(elapsed / windowSeconds * 2 * flipHosts));
            for (; done[0] < due; done[0]++) {
                int i = done[0];
                listeners.accept(i < flipHosts ? "close" : "open", 1 + i % flipHosts);
            }
        };
    }

    void reportWindow(LiveClients live, int sockets) {
        long rows = live.serviceRows();
        out.printf(
                "live, %d sockets over the window: service status messages %d per socket; checkedAt -> receipt %s; "
                        + "%.0f B per service change per socket (all messages: %.1f per service change); "
                        + "resyncs %d; sockets closed %d%n",
                sockets,
                rows / sockets,
                Figures.millis(live.lags()),
                rows == 0 ? 0 : live.bytes() / (double) rows,
                rows == 0 ? 0 : live.messages() / (double) rows,
                live.resyncs(),
                live.closed());
        live.clients().stream()
                .map(LiveClient::closeReason)
                .filter(r -> r != null)
                .limit(3)
                .forEach(r -> out.println("  a socket closed: " + r));
    }

    /** The burst down and back up; {@code imported} is the import's answer (it names what it added). */
    void burst(LiveClients live, int sockets, String root, String imported) throws InterruptedException {
        String group = "Top:" + root + ":burst";
        Set<String> services = Json.createReader(new StringReader(imported)).readObject().getJsonArray("added").stream()
                .map(v -> ((JsonString) v).getString())
                .filter(n -> n.startsWith(group + ":") && n.split(":").length == 5)
                .collect(Collectors.toUnmodifiableSet());
        round(live, sockets, group, services, "close", "down");
        round(live, sockets, group, services, "open", "up");
    }

    private void round(LiveClients live, int sockets, String group, Set<String> services, String verb, String status)
            throws InterruptedException {
        live.mark(services, status);
        Map<String, Double> m0 = server.scrape();
        long t0 = System.currentTimeMillis();
        for (int h = hosts - burstHosts; h < hosts; h++) {
            listeners.accept(verb, h);
        }
        long checkAt = System.currentTimeMillis();
        server.request("POST", "/api/status/" + BenchServer.encode(group) + "/check", null, null);
        double heapMax = 0;
        double queuedMax = 0;
        long end = System.nanoTime() + CONSISTENT_WITHIN.toNanos();
        boolean all = false;
        while (!all && System.nanoTime() < end) {
            all = live.awaitConsistent(Duration.ofSeconds(1));
            Map<String, Double> m = server.scrape();
            heapMax = Math.max(heapMax, Figures.heap(m));
            queuedMax = Math.max(queuedMax, m.getOrDefault("argus_live_queued", 0.0));
        }
        Map<String, Double> m1 = server.scrape();
        double seconds = (System.currentTimeMillis() - t0) / 1e3;
        List<Double> times = live.clients().stream()
                .map(LiveClient::consistentAtMillis)
                .filter(t -> t >= 0)
                .map(t -> (double) (t - checkAt))
                .toList();
        double changes = Figures.delta(m0, m1, "argus_live_seq");
        out.printf(
                "burst %s: %d services (listeners %s in %d ms, then check now); %s; %d of %d sockets consistent, "
                        + "check now -> socket consistent %s; sockets that got a resync: %d%n",
                status,
                services.size(),
                verb,
                checkAt - t0,
                all ? "every socket consistent" : "NOT every socket consistent within " + CONSISTENT_WITHIN,
                times.size(),
                sockets,
                Figures.millis(times),
                live.clients().stream().filter(c -> c.resyncs() > 0).count());
        out.printf(
                "  %.0f changes numbered by the server; per socket %.0f service messages, %.0f B per service "
                        + "(%.0f B per numbered change); checkedAt -> receipt %s; server CPU %.1f s (%.0f %% of one "
                        + "core over %.1f s); heap max %.0f MB; messages queued max %.0f%n",
                changes,
                live.serviceRows() / (double) sockets,
                live.bytes() / (double) sockets / services.size(),
                changes == 0 ? 0 : live.bytes() / (double) sockets / changes,
                Figures.millis(live.lags()),
                Figures.delta(m0, m1, "process_cpu_time_ns_total") / 1e9,
                100 * Figures.delta(m0, m1, "process_cpu_time_ns_total") / 1e9 / seconds,
                seconds,
                heapMax / 1e6,
                queuedMax);
        TimeUnit.SECONDS.sleep(2);
    }
}
