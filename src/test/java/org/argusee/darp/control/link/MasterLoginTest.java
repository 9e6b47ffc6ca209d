package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.darp.control.ScramProof;
import org.argusee.darp.control.ScramVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slave's login against fake masters on 127.0.0.1 that ask for hostile PBKDF2 iteration counts (issue 15,
 * finding 2): out of bounds refused before any work, a costly count with a fresh salt derived once per window, a
 * master that proves itself not held back.
 */
class MasterLoginTest {

    static final String SECRET = "the slave's shared secret";

    HttpServer server;
    final AtomicInteger challenges = new AtomicInteger();
    final AtomicInteger logins = new AtomicInteger();
    volatile int iterations = 4096;
    volatile boolean freshSalt;
    volatile boolean signCorrectly;
    volatile String lastAuth;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aCountOverTheBoundIsRefusedBeforeAnyWork() {
        iterations = Integer.MAX_VALUE; // hours of PBKDF2 before the fix
        MasterLogin login = login(Clock.systemUTC());
        LinkFailure e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> failure(login));
        assertTrue(e.getMessage().contains("outside 4096 to 1000000"), e.getMessage());
        assertEquals(0, logins.get(), "no proof sent");
    }

    @Test
    void aWeakCountIsRefused() {
        iterations = 1000; // cheap to attack offline with a salt of the fake master's choosing
        LinkFailure e = failure(login(Clock.systemUTC()));
        assertTrue(e.getMessage().contains("1000 PBKDF2 iterations"), e.getMessage());
        assertEquals(0, logins.get(), "no proof sent");
    }

    @Test
    void aHugeNumberIsNotWrappedIntoTheBounds() {
        iterations = -1; // the fake sends 2^32 + 5000 below
        MasterLogin login = login(Clock.systemUTC());
        LinkFailure e = failure(login);
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertEquals(0, logins.get());
    }

    @Test
    void aCostlyCountWithAFreshSaltIsDerivedOncePerWindow() {
        iterations = 200_000;
        freshSalt = true;
        MutableClock clock = new MutableClock();
        MasterLogin login = login(clock);
        LinkFailure first = failure(login);
        assertTrue(first.getMessage().contains("did not prove"), first.getMessage());
        assertEquals(1, logins.get());

        LinkFailure second = failure(login);
        assertTrue(second.getMessage().contains("no master has proved itself"), second.getMessage());
        assertEquals(1, logins.get(), "no second costly derivation");

        clock.now = clock.now.plus(IterationBudget.UNPROVEN_WAIT).plusSeconds(1);
        failure(login);
        assertEquals(2, logins.get(), "one more after the wait");
    }

    @Test
    void aMasterThatProvesItselfLogsInAgainAtNoCost() throws Exception {
        iterations = 200_000;
        signCorrectly = true;
        // derived here, not in the fake's handler, where it ran under the slave's 5 s HTTP timeout on a loaded machine
        verifier = ScramVerifier.derive(SECRET, new byte[16], iterations);
        MasterLogin login = login(new MutableClock());
        for (int i = 0; i < 3; i++) {
            assertEquals("token", login.login().get().token());
        }
        assertEquals(3, logins.get());
    }

    @Test
    void aConfigBodyOverTheCapIsRefusedWhetherDeclaredOrStreamed() {
        MasterLogin login = login(Clock.systemUTC());
        for (boolean declared : new boolean[] {true, false}) {
            declareLength = declared;
            CompletionException e = assertThrows(CompletionException.class, () -> login.fetch(
                            new MasterLogin.Session("token", "fake", new byte[32]), null)
                    .join());
            assertTrue(e.getCause() instanceof LinkFailure, String.valueOf(e.getCause()));
            assertTrue(
                    e.getCause().getMessage().contains("larger than 1048576 bytes"),
                    e.getCause().getMessage());
        }
    }

    volatile boolean declareLength;

    /** 3 MiB of a config that never ends, with or without a Content-Length. */
    private void hugeConfig(HttpExchange x) throws IOException {
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, declareLength ? 48L * chunk.length : 0);
        try (OutputStream out = x.getResponseBody()) {
            for (int i = 0; i < 48; i++) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the slave hung up once it had enough: what the test wants
        }
    }

    private LinkFailure failure(MasterLogin login) {
        CompletionException e =
                assertThrows(CompletionException.class, () -> login.login().join());
        assertTrue(e.getCause() instanceof LinkFailure, String.valueOf(e.getCause()));
        return (LinkFailure) e.getCause();
    }

    private MasterLogin login(Clock clock) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] salt = new byte[16];
        server.createContext("/api/darp/v1/challenge", x -> challenge(x, salt));
        server.createContext("/api/darp/v1/login", this::granted);
        server.createContext("/api/darp/v1/config", this::hugeConfig);
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        LinkSettings settings = LinkSettings.of(url, "s1", SECRET, null, Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new MasterLogin(HttpClient.newHttpClient(), settings, new SecureRandom(), clock, 1024 * 1024);
    }

    private void challenge(HttpExchange x, byte[] fixedSalt) throws IOException {
        challenges.incrementAndGet();
        JsonObject asked = read(x);
        byte[] salt = fixedSalt;
        if (freshSalt) {
            salt = new byte[16];
            new SecureRandom().nextBytes(salt);
        }
        String clientNonce = asked.getString("clientNonce");
        String nonce = clientNonce + "server";
        String saltText = Base64.getEncoder().encodeToString(salt);
        lastAuth = ScramProof.authMessage("s1", clientNonce, nonce, saltText, iterations);
        String count = iterations == -1 ? "4294972296" : Integer.toString(iterations);
        if (signCorrectly && verifier == null) {
            verifier = ScramVerifier.derive(SECRET, salt, iterations);
        }
        answer(
                x,
                "{\"nonce\":\"" + nonce + "\",\"salt\":\"" + saltText + "\",\"iterations\":" + count
                        + ",\"expiresInSeconds\":30}");
    }

    private volatile ScramVerifier verifier;

    private void granted(HttpExchange x) throws IOException {
        logins.incrementAndGet();
        read(x);
        byte[] signature = signCorrectly ? ScramProof.serverSignature(verifier, lastAuth) : new byte[32];
        answer(
                x,
                Json.createObjectBuilder()
                        .add("token", "token")
                        .add("expiresInSeconds", 300)
                        .add("serverSignature", Base64.getEncoder().encodeToString(signature))
                        .add("master", "fake")
                        .build()
                        .toString());
    }

    private static JsonObject read(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return Json.createReader(new java.io.StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
        }
    }

    private static void answer(HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-06T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
