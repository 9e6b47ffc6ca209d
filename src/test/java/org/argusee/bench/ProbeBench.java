package org.argusee.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The probing benchmark of issue 3 against a running server: starts N TCP listeners on loopback addresses (in
 * {@link ProbeTargets} processes), imports N TCP services at frequency 60 s under a fresh group, lets one frequency
 * pass so the random phases have spread, then measures over a window: probes/s achieved vs planned (the server's
 * counter and, independently, the connections the listeners accepted), scheduling lag p50/p99 (from the server's
 * histogram, bucket deltas over the window), CPU seconds per 1,000 probes, heap; then closes one host's listeners
 * and times until its services show down through the API. Deletes its group at the end.
 *
 * <p>Usage: {@code ProbeBench services windowSeconds}; env ARGUS_URL, ARGUS_USER, ARGUS_PASSWORD, and
 * BENCH_KEEP_SECONDS (see {@link #keep}).
 */
public final class ProbeBench {

    private static final int PORTS = 10;
    private static final int LISTENERS_PER_PROCESS = 15_000;
    private static final int FREQUENCY = 60;
    private static final int HOSTS_PER_PROCESS = LISTENERS_PER_PROCESS / PORTS;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final BenchServer server = new BenchServer();
    private final List<Target> targets = new ArrayList<>();

    /** One listener process, talked to over its stdin/stdout. */
    private record Target(Process process, Writer in, BufferedReader out) {
        String ask(String command) throws IOException {
            in.write(command + "\n");
            in.flush();
            return out.readLine();
        }
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int sockets = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        new ProbeBench().run(Math.max(PORTS, services / PORTS * PORTS), window, sockets);
    }

    private void run(int services, int window, int sockets) throws Exception {
        int hosts = services / PORTS;
        String root = "bench_probe_" + ProcessHandle.current().pid();
        LiveRounds rounds = new LiveRounds(hosts, server, out, (verb, host) -> {
            try {
                targets.get(host / HOSTS_PER_PROCESS).ask(verb + " " + host);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        LiveClients live = null;
        try {
            server.deleteLeftovers("bench_probe_", out);
            startTargets(hosts);
            out.printf("%d listeners on %d loopback addresses, %d processes%n", services, hosts, targets.size());
            server.request(
                    "POST",
                    "/api/objects/Top/children",
                    "application/json",
                    "{\"kind\":\"Group\",\"name\":\"" + root + "\"}");
            long importStart = System.nanoTime();
            String imported = server.request(
                    "POST",
                    "/api/config/import?root=" + BenchServer.encode("Top:" + root),
                    "text/plain",
                    config(hosts, rounds));
            out.printf(
                    "imported %d services in %.1f s; waiting %d s for the phases to spread%n",
                    services, (System.nanoTime() - importStart) / 1e9, FREQUENCY + 15);
            long spreadEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(FREQUENCY + 15);
            if (sockets > 0) {
                long opening = System.nanoTime();
                live = LiveClients.open(server.url, server.user, server.password, sockets);
                out.printf("%d live sockets open in %.1f s%n", sockets, (System.nanoTime() - opening) / 1e9);
            }
            server.sampleHeap(
                    (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(spreadEnd - System.nanoTime())), () -> {});

            if (live != null) {
                live.mark(Set.of(), "");
            }
            Map<String, Double> m0 = server.scrape();
            String load0 = ProcessFigures.loadAverage();
            long db0 = ProcessFigures.cpuNanos(ProcessFigures.pid("ARGUS_DB_PID"));
            ThreadFigures threads0 = ThreadFigures.of(ProcessFigures.pid("ARGUS_SERVER_PID"));
            long c0 = accepts();
            long t0 = System.nanoTime();
            double heapMax = server.sampleHeap(window, rounds.flips(window));
            Map<String, Double> m1 = server.scrape();
            long c1 = accepts();
            ThreadFigures threads1 = ThreadFigures.of(ProcessFigures.pid("ARGUS_SERVER_PID"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long db1 = ProcessFigures.cpuNanos(ProcessFigures.pid("ARGUS_DB_PID"));
            report(services, seconds, m0, m1, (c1 - c0) / seconds, heapMax);
            machine(load0, m1, probesIn(m0, m1), db0, db1);
            out.println(threads1.since(threads0, probesIn(m0, m1)));
            if (rounds.flipHosts == 0) {
                out.println("window flips: none (BENCH_FLIP_HOSTS=0): probing alone");
            } else {
                out.printf(
                        "window flips: hosts 1-%d (%d services) closed over its first half, opened over its second%n",
                        rounds.flipHosts, rounds.flipHosts * PORTS);
            }
            if (live != null) {
                rounds.reportWindow(live, sockets);
            }

            timeToDown(root);
            if (live != null) {
                rounds.burst(live, sockets, root, imported);
            }
            keep(root);
        } finally {
            if (live != null) {
                live.close();
            }
            for (Target t : targets) {
                t.process().destroyForcibly();
            }
            server.deleteGroup("Top:" + root);
        }
    }

    private void startTargets(int hosts) throws IOException {
        int hostsPerProcess = HOSTS_PER_PROCESS;
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int first = 0; first < hosts; first += hostsPerProcess) {
            Process p = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ProbeTargets.class.getName(),
                            String.valueOf(first),
                            String.valueOf(Math.min(hostsPerProcess, hosts - first)),
                            String.valueOf(PORTS))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Target t = new Target(
                    p,
                    new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            targets.add(t);
            String ready = t.out().readLine();
            if (ready == null || !ready.startsWith("ready")) {
                throw new IllegalStateException("listener process did not start: " + ready);
            }
        }
    }

    /**
     * Host 0 has retries 0, so its down time is one probe away, and so have the hosts the live rounds flip; every
     * other host keeps the defaults. The burst hosts are the last ones, in a group "burst" of their own.
     */
    private static String config(int hosts, LiveRounds rounds) {
        StringBuilder sb = new StringBuilder("frequency: " + FREQUENCY + "\n");
        for (int h = 0; h < hosts; h++) {
            String address = ProbeTargets.address(h);
            if (rounds.inBurst(h) && !rounds.inBurst(h - 1)) {
                sb.append("Group \"burst\" {\n");
            }
            sb.append("Host \"")
                    .append(address)
                    .append("\" {\n\thostname: ")
                    .append(address)
                    .append('\n');
            if (h == 0 || rounds.decidesAtOnce(h)) {
                sb.append("\tretries: 0\n");
            }
            for (int p = 0; p < PORTS; p++) {
                sb.append("\tService TCP {\n\t\tport: ")
                        .append(ProbeTargets.PORT_BASE + p)
                        .append("\n\t}\n");
            }
            sb.append("}\n");
        }
        return sb.append(rounds.burstHosts > 0 ? "}\n" : "").toString();
    }

    private void report(
            int services,
            double seconds,
            Map<String, Double> m0,
            Map<String, Double> m1,
            double acceptsPerSecond,
            double heapMax) {
        double probes = Figures.delta(m0, m1, "argus_probes_started_total");
        double cpuSeconds = Figures.delta(m0, m1, "process_cpu_time_ns_total") / 1e9;
        Map<Double, Double> buckets = new TreeMap<>();
        m1.forEach((key, value) -> {
            if (key.startsWith("argus_probe_lag_seconds_bucket{")) {
                String le = key.substring(key.indexOf("le=\"") + 4, key.lastIndexOf('"'));
                buckets.put(
                        le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                        value - m0.getOrDefault(key, 0.0));
            }
        });
        double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        out.printf(
                "window %.0f s: probes/s %.0f (planned %.0f for the benchmark's services, %.0f by the server's whole "
                        + "schedule), listeners saw %.0f connections/s%n",
                seconds,
                probes / seconds,
                services / (double) FREQUENCY,
                m1.getOrDefault("argus_probes_planned", Double.NaN),
                acceptsPerSecond);
        out.printf(
                "lag p50 <= %s ms, p99 <= %s ms, late > 100 ms: %.3f %%%n",
                millis(quantile(buckets, total, 0.5)),
                millis(quantile(buckets, total, 0.99)),
                total == 0 ? 0 : 100 * (total - buckets.getOrDefault(0.1, total)) / total);
        out.printf(
                "CPU %.3f s per 1,000 probes (whole server, %.0f %% of one core); heap max %.0f MB (sampled every %d s),"
                        + " now %.0f MB%n",
                probes == 0 ? 0 : cpuSeconds / probes * 1000,
                100 * cpuSeconds / seconds,
                heapMax / 1e6,
                BenchServer.HEAP_EVERY_SECONDS,
                Figures.heap(m1) / 1e6);
    }

    private static double probesIn(Map<String, Double> m0, Map<String, Double> m1) {
        return Figures.delta(m0, m1, "argus_probes_started_total");
    }

    /**
     * What the machine and the processes beside the heap show: load average at the start and end of the window,
     * the server's RSS (ARGUS_SERVER_PID) and its PostgreSQL's CPU per 1,000 probes (ARGUS_DB_PID, the postmaster
     * and its backends), when the script found them.
     */
    private void machine(String load0, Map<String, Double> m1, double probes, long db0, long db1) {
        long rss = ProcessFigures.rss(ProcessFigures.pid("ARGUS_SERVER_PID"));
        out.printf(
                "load average (1, 5, 15 min) at the window's start %s, end %s; server RSS %s, heap now %.0f MB; "
                        + "PostgreSQL CPU %s per 1,000 probes%n",
                load0,
                ProcessFigures.loadAverage(),
                rss < 0 ? "unknown (no ARGUS_SERVER_PID)" : String.format("%.0f MB", rss / 1e6),
                Figures.heap(m1) / 1e6,
                db0 < 0 || db1 < 0 || probes == 0
                        ? "unknown (no ARGUS_DB_PID)"
                        : String.format("%.3f s", (db1 - db0) / 1e9 / probes * 1000));
    }

    /** The smallest bucket bound that holds the quantile: an upper bound, as fine as the buckets. */
    private static double quantile(Map<Double, Double> cumulative, double total, double q) {
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (total > 0 && e.getValue() >= q * total) {
                return e.getKey();
            }
        }
        return Double.NaN;
    }

    private static String millis(double seconds) {
        return Double.isInfinite(seconds) ? "inf" : String.format("%.0f", seconds * 1000);
    }

    /** Closes host 0's listeners and times until all its services show down through the API. */
    private void timeToDown(String root) throws Exception {
        String host = "Top:" + root + ":" + ProbeTargets.address(0);
        String closed = targets.get(0).ask("close 0");
        long closedAt = Long.parseLong(closed.split(" ")[2]);
        Map<String, Long> downAt = new HashMap<>();
        long deadline = closedAt + TimeUnit.SECONDS.toMillis(3L * FREQUENCY);
        while (downAt.size() < PORTS && System.currentTimeMillis() < deadline) {
            JsonArray children = Json.createReader(new StringReader(server.request(
                            "GET", "/api/objects/" + BenchServer.encode(host) + "/children", null, null)))
                    .readArray();
            for (JsonObject child : children.getValuesAs(JsonObject.class)) {
                if ("down".equals(child.getString("status", "")) && !downAt.containsKey(child.getString("fullName"))) {
                    downAt.put(child.getString("fullName"), System.currentTimeMillis() - closedAt);
                }
            }
            Thread.sleep(250);
        }
        List<Long> times = downAt.values().stream().sorted().toList();
        if (times.isEmpty()) {
            out.printf("listener down -> status down: none of %d services within %d s%n", PORTS, 3 * FREQUENCY);
        } else {
            out.printf(
                    "listener down -> status down (retries 0, frequency %d s, API polled every 250 ms): "
                            + "%d of %d; min %.1f s, median %.1f s, max %.1f s%n",
                    FREQUENCY,
                    times.size(),
                    PORTS,
                    times.get(0) / 1e3,
                    times.get(times.size() / 2) / 1e3,
                    times.get(times.size() - 1) / 1e3);
        }
    }

    /**
     * With BENCH_KEEP_SECONDS, the group and the listeners stay that long before the end: time to restart the server
     * with its services in the database and measure its start (docs/benchmarks.md, issue 17's start goal).
     */
    private void keep(String root) throws Exception {
        long seconds = Long.parseLong(System.getenv().getOrDefault("BENCH_KEEP_SECONDS", "0"));
        if (seconds > 0) {
            targets.get(0).ask("open 0");
            out.printf("keeping group Top:%s and its listeners for %d s%n", root, seconds);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        }
    }

    private long accepts() throws IOException {
        long sum = 0;
        for (Target t : targets) {
            sum += Long.parseLong(t.ask("count").split(" ")[1]);
        }
        return sum;
    }
}
