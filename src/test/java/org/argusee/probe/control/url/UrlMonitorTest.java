package org.argusee.probe.control.url;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TcpPeer;
import org.argusee.probe.control.net.TlsKeys;
import org.argusee.probe.control.net.TlsOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TCP/URL against the JDK's own HTTP and HTTPS servers on 127.0.0.1. */
class UrlMonitorTest {

    @TempDir
    static Path keyDir;

    static ExecutorService handlers;
    static HttpServer http;
    static HttpsServer https;
    static HttpsServer expiredHttps;
    /** On 127.0.0.2: the "internal" host the redirect tests treat as inside, while 127.0.0.1 stands for outside. */
    static HttpServer inside;
    /** Held by /slow until the tests are over. */
    static CountDownLatch release;

    static final Queue<String> requests = new ConcurrentLinkedQueue<>();

    private NetLoop loop;
    private UrlMonitor monitor;

    @BeforeAll
    static void servers() throws Exception {
        handlers = Executors.newCachedThreadPool();
        release = new CountDownLatch(1);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(
                new HttpsConfigurator(TlsKeys.make(keyDir, null, 100).context()));
        expiredHttps = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        expiredHttps.setHttpsConfigurator(
                new HttpsConfigurator(TlsKeys.make(keyDir, "-400d", 30).context()));
        for (HttpServer s : List.of(http, https, expiredHttps)) {
            routes(s);
            s.setExecutor(handlers);
            s.start();
        }
        inside = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 50);
        inside.createContext("/ok", e -> answer(e, 200, "the inside page"));
        inside.setExecutor(handlers);
        inside.start();
        http.createContext(
                "/to-inside",
                e -> redirect(e, "http://127.0.0.2:" + inside.getAddress().getPort() + "/ok"));
        http.createContext("/big", e -> answer(e, 200, "x".repeat(10_000) + "NEEDLE"));
        http.createContext(
                "/to-https",
                e -> redirect(e, "https://127.0.0.1:" + https.getAddress().getPort() + "/ok"));
    }

    @AfterAll
    static void stop() {
        release.countDown();
        for (HttpServer s : List.of(http, https, expiredHttps, inside)) {
            s.stop(0);
        }
        handlers.shutdownNow();
    }

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new UrlMonitor(loop);
        requests.clear();
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void aPageThatAnswers200IsUpWithStatusLineHeadersAndBody() {
        Reply r = probe(url(http, "/ok"));
        assertTrue(r.ok(), r.reason());
        assertTrue(r.value().startsWith("HTTP/1.1 200 OK\r\n"), r.value());
        assertTrue(r.value().endsWith("\r\n\r\nhello world DATABASE OK"), r.value());
    }

    @Test
    void anotherStatusFailsTheDefaultCheckSayingWhich() {
        Reply r = probe(url(http, "/missing"));
        assertFalse(r.ok());
        assertEquals("expect failed: HTTP/1.1 404 Not Found", r.reason());
    }

    @Test
    void expectMatchesTheContent() {
        assertTrue(probe(url(http, "/ok"), "expect", "DATABASE OK").ok());
        Reply wrong = probe(url(http, "/ok"), "expect", "DATABASE FAILED");
        assertFalse(wrong.ok());
        assertEquals("expect failed", wrong.reason());
    }

    @Test
    void fifteenRedirectsAreFollowed() {
        Reply r = probe(url(http, "/r/15"));
        assertTrue(r.ok(), r.reason());
        assertTrue(r.value().endsWith("arrived at the end"), r.value());
        assertEquals(16, requests.size(), "the first request and 15 redirects");
    }

    @Test
    void sixteenRedirectsAreTooMany() {
        Reply r = probe(url(http, "/r/16"));
        assertFalse(r.ok());
        assertEquals("too many redirects (more than 15)", r.reason());
    }

    @Test
    void aRedirectLoopIsNamed() {
        Reply r = probe(url(http, "/loop/a"));
        assertFalse(r.ok());
        assertEquals("redirect loop (back to " + url(http, "/loop/a") + ")", r.reason());
    }

    @Test
    void aRedirectToAnotherSchemeIsRefusedInPlainWords() {
        Reply r = probe(url(http, "/to-ftp"));
        assertEquals("cannot follow redirect to 'ftp://example.com/file': use an http:// or https:// URL", r.reason());
    }

    @Test
    void aSlowServerTimesOutAtTheServiceTimeout() {
        Reply r = await(
                monitor.probe(spec("TCP/URL", "url", url(http, "/slow"), "timeout", "2")), Duration.ofSeconds(10));
        assertEquals("timeout", r.reason());
        assertTrue(
                r.elapsed().compareTo(Duration.ofMillis(1900)) >= 0, r.elapsed().toString());
        assertEquals(0, loop.inFlight());
    }

    @Test
    void theTimeoutCoversTheWholeChain() {
        // the redirect takes 1.5 s of the 4: a timeout per request would end after 5.5 s
        Reply r = await(
                monitor.probe(spec("TCP/URL", "url", url(http, "/late-to-slow"), "timeout", "4")),
                Duration.ofSeconds(15));
        assertEquals("timeout after 1 redirect", r.reason());
        assertTrue(
                r.elapsed().compareTo(Duration.ofMillis(5200)) < 0, r.elapsed().toString());
    }

    @Test
    void nobodyListeningAndHangingUpAreNamed() throws Exception {
        assertEquals(
                "connection refused",
                probe("http://127.0.0.1:" + TcpPeer.freePort() + "/").reason());
        try (TcpPeer peer = TcpPeer.start((s, p) -> s.close())) {
            assertEquals(
                    "connection closed",
                    probe("http://127.0.0.1:" + peer.port() + "/").reason());
        }
    }

    @Test
    void anAnswerWithItsLengthEndsEvenIfTheServerKeepsTheConnection() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        try (TcpPeer peer = TcpPeer.start((s, p) -> {
            p.requests.add(new String(s.getInputStream().readNBytes(4), StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            p.hold(s);
        })) {
            Reply r = probe("http://127.0.0.1:" + peer.port() + "/", "timeout", "30");
            assertTrue(r.ok(), r.reason());
            assertEquals(answer, r.value());
        }
    }

    @Test
    void theRequestCarriesTheOriginalsParameters() {
        Reply r = probe(
                url(http, "/headers").replace("http://", "http://monitor:s%40cret@"),
                "browser",
                "Argus Version Check - 3.5",
                "referer",
                "http://argus.example/",
                "http_accept",
                "text/html",
                "http_version",
                "1.1");
        assertTrue(r.ok(), r.reason());
        assertEquals(
                List.of("GET /headers HTTP/1.1|Argus Version Check - 3.5|http://argus.example/|text/html|Basic "
                        + Base64.getEncoder().encodeToString("monitor:s@cret".getBytes(StandardCharsets.UTF_8))
                        + "|127.0.0.1:" + http.getAddress().getPort() + "|close"),
                List.copyOf(requests));
    }

    @Test
    void defaultsAreHttp10AndOurUserAgent() {
        assertTrue(probe(url(http, "/headers")).ok());
        assertEquals(
                "GET /headers HTTP/1.0|" + HttpGet.USER_AGENT + "|null|*/*|null|127.0.0.1:"
                        + http.getAddress().getPort() + "|close",
                requests.peek());
    }

    @Test
    void httpsWithASelfSignedOrExpiredCertificateIsUp() {
        Reply r = probe(url(https, "/ok"));
        assertTrue(r.ok(), r.reason());
        assertTrue(r.value().endsWith("hello world DATABASE OK"), r.value());
        assertTrue(probe(url(expiredHttps, "/ok")).ok());
    }

    @Test
    void certificateExpiryIsCheckedOnlyWhenAsked() {
        Reply expired = probe(url(expiredHttps, "/ok"), "ssl_expiry", "0");
        assertFalse(expired.ok());
        assertEquals("certificate expired", expired.reason());
        Reply soon = probe(url(https, "/ok"), "ssl_expiry", "365");
        assertTrue(soon.reason().matches("certificate expires in (99|100) days"), soon.reason());
        assertTrue(probe(url(https, "/ok"), "ssl_expiry", "14").ok());
    }

    @Test
    void sslValueDaysGivesTheDaysLeftOfTheFirstTlsServer() {
        Reply expired = probe(url(expiredHttps, "/ok"), "ssl_value", "days");
        assertTrue(expired.ok(), expired.reason());
        assertTrue(List.of("-370", "-371").contains(expired.value()), expired.value());
        Reply viaRedirect = probe(url(http, "/to-https"), "ssl_value", "days");
        assertTrue(viaRedirect.ok(), viaRedirect.reason());
        assertTrue(List.of("99", "100").contains(viaRedirect.value()), viaRedirect.value());
        Reply plain = probe(url(http, "/ok"), "ssl_value", "days");
        assertFalse(plain.ok());
        assertTrue(plain.reason().startsWith("no server certificate"), plain.reason());
    }

    @Test
    void aTlsFailureOnTheWayIsNamedWithWhereItHappened() throws Exception {
        try (TcpPeer plain = TcpPeer.start(TcpPeer.says("HTTP/1.0 200 OK\r\n\r\nnot tls\r\n"))) {
            http.createContext("/to-fake-https", e -> redirect(e, "https://127.0.0.1:" + plain.port() + "/"));
            try {
                Reply r = probe(url(http, "/to-fake-https"));
                assertEquals("TLS handshake failed: the server does not speak TLS after 1 redirect", r.reason());
            } finally {
                http.removeContext("/to-fake-https");
            }
        }
    }

    @Test
    void aRedirectFromOutsideIntoAnInternalAddressIsRefused() {
        Reply r = probeFromOutside(url(http, "/to-inside"));
        assertFalse(r.ok());
        assertEquals(
                "redirect to http://127.0.0.2:" + inside.getAddress().getPort() + "/ok refused: 127.0.0.2 is an"
                        + " internal address (set url_private_redirects: yes to follow it) after 1 redirect",
                r.reason());
    }

    @Test
    void theServiceMayAllowRedirectsInside() {
        Reply r = probeFromOutside(url(http, "/to-inside"), "url_private_redirects", "yes");
        assertTrue(r.ok(), r.reason());
        assertTrue(r.value().endsWith("the inside page"), r.value());
    }

    @Test
    void aUrlThatNamesAnInternalAddressMayRedirectInside() {
        Reply r = probe(url(http, "/to-inside"));
        assertTrue(r.ok(), "127.0.0.1 is internal itself: the admin chose the inside: " + r.reason());
    }

    @Test
    void theValueKeepsFourKibibytesWhileExpectSeesTheWholeAnswer() {
        Reply r = probe(url(http, "/big"), "expect", "NEEDLE");
        assertTrue(r.ok(), r.reason());
        assertEquals(UrlFetch.MAX_VALUE, r.value().length());
    }

    /** A probe that counts 127.0.0.1 as an Internet address and only 127.0.0.2 as internal. */
    private Reply probeFromOutside(String url, String... more) {
        String[] kv = new String[more.length + 2];
        kv[0] = "url";
        kv[1] = url;
        System.arraycopy(more, 0, kv, 2, more.length);
        ProbeSpec spec = spec("TCP/URL", kv);
        Predicate<InetAddress> internal = a -> a.getHostAddress().equals("127.0.0.2");
        return await(new UrlFetch(loop, spec, UrlTarget.parse(url), TlsOptions.of(spec.params()), internal).start());
    }

    private Reply probe(String url, String... more) {
        String[] kv = new String[more.length + 2];
        kv[0] = "url";
        kv[1] = url;
        System.arraycopy(more, 0, kv, 2, more.length);
        return await(monitor.probe(spec("TCP/URL", kv)));
    }

    private static String url(HttpServer server, String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort() + path;
    }

    private static void routes(HttpServer s) {
        s.createContext("/ok", e -> answer(e, 200, "hello world DATABASE OK"));
        s.createContext("/missing", e -> answer(e, 404, "not here"));
        s.createContext("/r/", e -> {
            int left = Integer.parseInt(e.getRequestURI().getPath().substring(3));
            if (left == 0) {
                answer(e, 200, "arrived at the end");
            } else {
                redirect(e, "/r/" + (left - 1));
            }
        });
        s.createContext("/loop/a", e -> redirect(e, "b"));
        s.createContext("/loop/b", e -> redirect(e, url(s, "/loop/a")));
        s.createContext("/to-ftp", e -> redirect(e, "ftp://example.com/file"));
        s.createContext("/late-to-slow", e -> {
            try {
                release.await(1500, TimeUnit.MILLISECONDS); // a slow first answer, by design of the test
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            redirect(e, "/slow");
        });
        s.createContext("/slow", e -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            answer(e, 200, "too late");
        });
        s.createContext("/headers", e -> {
            var h = e.getRequestHeaders();
            requests.add(String.join(
                    "|",
                    e.getRequestMethod() + " " + e.getRequestURI() + " " + e.getProtocol(),
                    h.getFirst("User-Agent"),
                    h.getFirst("Referer"),
                    h.getFirst("Accept"),
                    h.getFirst("Authorization"),
                    h.getFirst("Host"),
                    h.getFirst("Connection")));
            answer(e, 200, "seen");
        });
    }

    private static void answer(HttpExchange e, int status, String body) throws IOException {
        if (e.getRequestURI().getPath().startsWith("/r/")) {
            requests.add(e.getRequestURI().getPath());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, bytes.length);
        try (var out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange e, String location) throws IOException {
        if (e.getRequestURI().getPath().startsWith("/r/")) {
            requests.add(e.getRequestURI().getPath());
        }
        e.getResponseHeaders().set("Location", location);
        e.sendResponseHeaders(302, -1);
        e.close();
    }
}
