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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Usage: {@code ProbeBench services windowSeconds}; env ARGUS_URL, ARGUS_USER, ARGUS_PASSWORD.
 */
public final class ProbeBench {

    private static final int PORTS = 10;
    private static final int LISTENERS_PER_PROCESS = 15_000;
    private static final int FREQUENCY = 60;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url = System.getenv().getOrDefault("ARGUS_URL", "http://localhost:8080");
    private final String auth = "Basic "
            + Base64.getEncoder()
                    .encodeToString((System.getenv().getOrDefault("ARGUS_USER", "admin") + ":"
                                    + System.getenv().getOrDefault("ARGUS_PASSWORD", "admin"))
                            .getBytes(StandardCharsets.UTF_8));
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
        new ProbeBench().run(Math.max(PORTS, services / PORTS * PORTS), window);
    }

    private void run(int services, int window) throws Exception {
        int hosts = services / PORTS;
        String root = "bench_probe_" + ProcessHandle.current().pid();
        try {
            startTargets(hosts);
            out.printf("%d listeners on %d loopback addresses, %d processes%n", services, hosts, targets.size());
            request(
                    "POST",
                    "/api/objects/Top/children",
                    "application/json",
                    "{\"kind\":\"Group\",\"name\":\"" + root + "\"}");
            long importStart = System.nanoTime();
            request("POST", "/api/config/import?root=" + encode("Top:" + root), "text/plain", config(hosts));
            out.printf(
                    "imported %d services in %.1f s; waiting %d s for the phases to spread%n",
                    services, (System.nanoTime() - importStart) / 1e9, FREQUENCY + 15);
            sampleHeap(FREQUENCY + 15);

            Map<String, Double> m0 = scrape();
            long c0 = accepts();
            long t0 = System.nanoTime();
            double heapMax = sampleHeap(window);
            Map<String, Double> m1 = scrape();
            long c1 = accepts();
            double seconds = (System.nanoTime() - t0) / 1e9;
            report(services, seconds, m0, m1, (c1 - c0) / seconds, heapMax);

            timeToDown(root);
        } finally {
            for (Target t : targets) {
                t.process().destroyForcibly();
            }
            request("DELETE", "/api/objects/" + encode("Top:" + root) + "?recursive=true", null, null);
        }
    }

    private void startTargets(int hosts) throws IOException {
        int hostsPerProcess = LISTENERS_PER_PROCESS / PORTS;
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

    /** Host 0 has retries 0, so its down time is one probe away; every other host keeps the defaults. */
    private static String config(int hosts) {
        StringBuilder sb = new StringBuilder("frequency: " + FREQUENCY + "\n");
        for (int h = 0; h < hosts; h++) {
            String address = ProbeTargets.address(h);
            sb.append("Host \"")
                    .append(address)
                    .append("\" {\n\thostname: ")
                    .append(address)
                    .append('\n');
            if (h == 0) {
                sb.append("\tretries: 0\n");
            }
            for (int p = 0; p < PORTS; p++) {
                sb.append("\tService TCP {\n\t\tport: ")
                        .append(ProbeTargets.PORT_BASE + p)
                        .append("\n\t}\n");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    private void report(
            int services,
            double seconds,
            Map<String, Double> m0,
            Map<String, Double> m1,
            double acceptsPerSecond,
            double heapMax) {
        double probes = delta(m0, m1, "argus_probes_started_total");
        double cpuSeconds = delta(m0, m1, "process_cpu_time_ns_total") / 1e9;
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
                "window %.0f s: probes/s %.0f (planned %.0f for the benchmark's services), listeners saw "
                        + "%.0f connections/s%n",
                seconds, probes / seconds, services / (double) FREQUENCY, acceptsPerSecond);
        out.printf(
                "lag p50 <= %s ms, p99 <= %s ms, late > 100 ms: %.3f %%%n",
                millis(quantile(buckets, total, 0.5)),
                millis(quantile(buckets, total, 0.99)),
                total == 0 ? 0 : 100 * (total - buckets.getOrDefault(0.1, total)) / total);
        out.printf(
                "CPU %.2f s per 1,000 probes (whole server, %.0f %% of one core); heap max %.0f MB, now %.0f MB%n",
                probes == 0 ? 0 : cpuSeconds / probes * 1000,
                100 * cpuSeconds / seconds,
                heapMax / 1e6,
                heap(m1) / 1e6);
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
            JsonArray children = Json.createReader(
                            new StringReader(request("GET", "/api/objects/" + encode(host) + "/children", null, null)))
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

    private long accepts() throws IOException {
        long sum = 0;
        for (Target t : targets) {
            sum += Long.parseLong(t.ask("count").split(" ")[1]);
        }
        return sum;
    }

    /** Samples the server's heap every 5 s for the given time; returns the largest seen. */
    private double sampleHeap(int seconds) throws InterruptedException {
        double max = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            max = Math.max(max, heap(scrape()));
            Thread.sleep(Math.min(5000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
        }
        return max;
    }

    private static double heap(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{")
                        && e.getKey().contains("area=\"heap\""))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static double delta(Map<String, Double> m0, Map<String, Double> m1, String name) {
        return m1.getOrDefault(name, 0.0) - m0.getOrDefault(name, 0.0);
    }

    /** The Prometheus text of /api/metrics as series -> value. */
    private Map<String, Double> scrape() {
        Map<String, Double> metrics = new HashMap<>();
        for (String line : request("GET", "/api/metrics", null, null).split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                metrics.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return metrics;
    }

    private String request(String method, String path, String type, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", auth)
                .timeout(Duration.ofMinutes(5));
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
