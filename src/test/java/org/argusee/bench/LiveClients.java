package org.argusee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load of the live benchmark (issue 12): N browsers' worth of {@code /live} sockets, each on a session of its
 * own (a form login, {@code POST /auth/login}, for each), with the JDK's WebSocket client, so nothing beyond the
 * JDK is needed. Each socket records what a page would see ({@link LiveClient}); this class opens and closes them
 * and adds their figures up.
 */
final class LiveClients implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "live-client");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<LiveClient> clients = new ArrayList<>();
    private final List<WebSocket> sockets = new ArrayList<>();

    /** Logs {@code n} sessions in as {@code user} and opens a socket on each; returns once all said hello. */
    static LiveClients open(String url, String user, String password, int n) throws Exception {
        LiveClients all = new LiveClients();
        URI base = URI.create(url);
        String origin = base.getScheme() + "://" + base.getAuthority();
        URI live =
                URI.create((base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getAuthority() + "/live");
        for (int i = 0; i < n; i++) {
            String cookie = all.login(url, user, password);
            LiveClient client = new LiveClient();
            all.clients.add(client);
            all.sockets.add(all.http
                    .newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .header("Origin", origin)
                    .buildAsync(live, client)
                    .get(30, TimeUnit.SECONDS));
        }
        for (LiveClient c : all.clients) {
            c.awaitHello(Duration.ofSeconds(30));
        }
        return all;
    }

    private String login(String url, String user, String password) throws IOException, InterruptedException {
        return login(http, url, user, password);
    }

    /** A form login; the session cookie ({@code JSESSIONID=...}) it gave. */
    static String login(HttpClient http, String url, String user, String password)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create(url + "/auth/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElse("");
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .filter(c -> r.statusCode() == 303 && !location.contains("error"))
                .orElseThrow(() -> new IllegalStateException(
                        "login as " + user + " failed: " + r.statusCode() + " to " + location));
    }

    /** Starts a new measurement on every socket; {@code expected} as in {@link LiveClient#mark}. */
    void mark(Set<String> expected, String expectedStatus) {
        clients.forEach(c -> c.mark(expected, expectedStatus));
    }

    List<LiveClient> clients() {
        return clients;
    }

    /** Waits until every socket has seen every expected change (or a resync), or the deadline; true if all did. */
    boolean awaitConsistent(Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (clients.stream().allMatch(LiveClient::consistent)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Lags (ms) of every service status message received since the mark, over all sockets. */
    List<Double> lags() {
        List<Double> all = new ArrayList<>();
        clients.forEach(c -> all.addAll(c.lags()));
        return all;
    }

    long bytes() {
        return clients.stream().mapToLong(LiveClient::bytes).sum();
    }

    long serviceRows() {
        return clients.stream().mapToLong(LiveClient::serviceRows).sum();
    }

    long messages() {
        return clients.stream().mapToLong(LiveClient::messages).sum();
    }

    long resyncs() {
        return clients.stream().mapToLong(LiveClient::resyncs).sum();
    }

    long closed() {
        return clients.stream().filter(LiveClient::closed).count();
    }

    /** A ping on every socket (a diagnosis aid: a browser sends none). */
    void pingAll() {
        sockets.forEach(s -> s.sendPing(java.nio.ByteBuffer.allocate(0)));
    }

    @Override
    public void close() {
        List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
        sockets.forEach(s -> closing.add(s.sendClose(WebSocket.NORMAL_CLOSURE, "bench over")));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            sockets.forEach(WebSocket::abort);
        }
        executor.shutdownNow();
    }
}
