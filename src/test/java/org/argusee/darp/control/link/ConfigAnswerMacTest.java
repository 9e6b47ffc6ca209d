package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.wire.ConfigDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the DARP gap left from finding 1: a 304 (config not modified) carried no MAC, and a config's MAC did
 * not name the fetch it answered, so someone on the path could keep a slave on its last config or roll it back to
 * an older one of the same login. Both answers now carry a MAC over the fetch's fresh nonce.
 */
class ConfigAnswerMacTest {

    static final byte[] KEY = new byte[32];
    static final String VERSION = FakeMaster.config().version();
    static final String ETAG = "\"" + VERSION + "\"";

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    HttpServer server;
    /** What the master answers, from the fetch's nonce; returns {status, ETag, MAC, body}. */
    volatile BiFunction<String, String, String[]> answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/darp/v1/config", this::config);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aGenuine304IsTaken() {
        answer = (nonce, ifNoneMatch) -> new String[] {"304", ETAG, ScramProof.notModifiedMac(KEY, nonce, ETAG), ""};
        assertEquals(Optional.empty(), fetch(VERSION));
    }

    @Test
    void a304WithoutItsMacIsRefused() {
        answer = (nonce, ifNoneMatch) -> new String[] {"304", ETAG, null, ""};
        assertRefused(VERSION, "304 (not modified)");
    }

    @Test
    void a304ReplayedFromAnEarlierFetchIsRefused() {
        answer =
                (nonce, ifNoneMatch) -> new String[] {"304", ETAG, ScramProof.notModifiedMac(KEY, "earlier", ETAG), ""};
        assertRefused(VERSION, "304 (not modified)");
    }

    @Test
    void a304ForAnotherVersionIsRefusedEvenWithItsMac() {
        answer = (nonce, ifNoneMatch) ->
                new String[] {"304", "\"other\"", ScramProof.notModifiedMac(KEY, nonce, "\"other\""), ""};
        assertRefused(VERSION, "304 (not modified)");
    }

    @Test
    void aConfigReplayedFromAnEarlierFetchIsRefusedAndAFreshOneTaken() {
        String doc = ConfigDocuments.write(FakeMaster.config());
        answer = (nonce, ifNoneMatch) -> new String[] {"200", ETAG, ScramProof.configMac(KEY, "earlier", doc), doc};
        assertRefused(null, "config");
        answer = (nonce, ifNoneMatch) -> new String[] {"200", ETAG, ScramProof.configMac(KEY, nonce, doc), doc};
        assertEquals(VERSION, fetch(null).orElseThrow().version());
    }

    private void assertRefused(String known, String what) {
        CompletionException e = assertThrows(CompletionException.class, () -> fetch(known));
        assertTrue(e.getCause() instanceof LinkFailure, String.valueOf(e.getCause()));
        assertTrue(
                e.getCause().getMessage().contains(what + " does not carry"),
                e.getCause().getMessage());
    }

    private Optional<org.argusee.darp.control.wire.ConfigDocument> fetch(String known) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        LinkSettings settings =
                LinkSettings.of(url, "s1", "secret", null, Duration.ofSeconds(5), Duration.ofSeconds(5));
        MasterLogin login = new MasterLogin(
                HttpClient.newHttpClient(), settings, new SecureRandom(), Clock.systemUTC(), 1024 * 1024);
        return login.fetch(new MasterLogin.Session("token", "fake", KEY), known).join();
    }

    private void config(HttpExchange x) throws IOException {
        String[] reply = answer.apply(
                x.getRequestHeaders().getFirst(ScramProof.NONCE_HEADER),
                x.getRequestHeaders().getFirst("If-None-Match"));
        x.getResponseHeaders().add("ETag", reply[1]);
        if (reply[2] != null) {
            x.getResponseHeaders().add(ScramProof.CONFIG_MAC_HEADER, reply[2]);
        }
        byte[] body = reply[3].getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(Integer.parseInt(reply[0]), body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
