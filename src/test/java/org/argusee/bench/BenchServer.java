package org.argusee.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The running server the probing and live benchmarks talk to, over its REST API: env ARGUS_URL (default
 * http://localhost:8080), ARGUS_USER and ARGUS_PASSWORD (default admin/admin); its metrics as a map. Reads (the
 * scrape every few seconds, the polls) carry a session cookie from one form login: with HTTP Basic each one paid a password
 * check, which showed as 13-20 % of the server's Java samples in the profile of this benchmark (docs/benchmarks.md).
 * Changes (import, delete) keep HTTP Basic, as a session would need the CSRF token the pages send.
 */
final class BenchServer {

    /** How often {@link #sampleHeap} scrapes the server's metrics. */
    static final int HEAP_EVERY_SECONDS = 10;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // an import that ran long under load got a GOAWAY on HTTP/2
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String url = System.getenv().getOrDefault("ARGUS_URL", "http://localhost:8080");
    final String user = System.getenv().getOrDefault("ARGUS_USER", "admin");
    final String password = System.getenv().getOrDefault("ARGUS_PASSWORD", "admin");
    private final String auth =
            "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    private String cookie;

    /**
     * Samples the server's heap every {@value #HEAP_EVERY_SECONDS} s for the given time (first at once), calling
     * {@code tick} each second; the max. Not every second: a scrape is a request the server serves, and at one a
     * second the harness's HTTP was a fifth of the server's samples in the probing profile (issue 17), counted in the
     * CPU per probe the bench reports.
     */
    double sampleHeap(int seconds, Runnable tick) throws InterruptedException {
        double max = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long second = 0; System.nanoTime() < end; second++) {
            tick.run();
            if (second % HEAP_EVERY_SECONDS == 0) {
                max = Math.max(max, Figures.heap(scrape()));
            }
            Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
        }
        return max;
    }

    /** The Prometheus text of /api/metrics as series -> value. */
    Map<String, Double> scrape() {
        Map<String, Double> metrics = new HashMap<>();
        for (String line : request("GET", "/api/metrics", null, null).split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                metrics.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return metrics;
    }

    String request(String method, String path, String type, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5));
        boolean read = "GET".equals(method);
        if (read) {
            b.header("Cookie", session());
        } else {
            b.header("Authorization", auth);
        }
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
            if (read && (r.statusCode() == 401 || r.statusCode() == 403) && cookie != null) {
                cookie = null; // the session ended (a restart of the server): log in again, once
                return request(method, path, type, body);
            }
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

    /** The session cookie of one form login ({@code POST /auth/login}), made on first use. */
    private synchronized String session() {
        if (cookie == null) {
            try {
                cookie = LiveClients.login(http, url, user, password);
            } catch (IOException e) {
                throw new UncheckedIOException("login to " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return cookie;
    }

    /**
     * Deletes a bench's group and all under it, up to five times: a delete of 20,000 services races the status
     * writer into a database deadlock now and then (the server answers 500 and rolls back; seen on 2026-12-06 in
     * most runs on a loaded machine).
     */
    void deleteGroup(String fullName) throws InterruptedException {
        String path = "/api/objects/" + encode(fullName) + "?recursive=true";
        for (int attempt = 1; ; attempt++) {
            try {
                request("DELETE", path, null, null);
                return;
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(2000);
            }
        }
    }

    /**
     * Deletes the groups under Top named {@code prefix + pid} of a run that is no longer going (its delete at the end
     * failed, or it was killed): their services point at the same loopback listeners as this run's, so they were
     * probed beside them, and a run on a server that kept one measured twice the planned probes (docs/benchmarks.md,
     * the run on ee789ee). A group of a run still going is left alone and named.
     */
    void deleteLeftovers(String prefix, PrintStream out) throws InterruptedException {
        JsonArray top = Json.createReader(new StringReader(request("GET", "/api/objects/Top/children", null, null)))
                .readArray();
        for (JsonObject child : top.getValuesAs(JsonObject.class)) {
            String name = child.getString("name", "");
            if (!name.startsWith(prefix)) {
                continue;
            }
            long pid = parsePid(name.substring(prefix.length()));
            if (pid > 0 && ProcessHandle.of(pid).isPresent()) {
                out.printf(
                        "group Top:%s belongs to a run still going (pid %d): its services are probed too%n", name, pid);
            } else {
                out.printf("deleting group Top:%s left by an earlier run (its services would be probed too)%n", name);
                deleteGroup("Top:" + name);
            }
        }
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
