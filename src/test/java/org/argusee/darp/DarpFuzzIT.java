package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.darp.control.link.MasterLogin;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.FuzzTally;
import org.argusee.testsupport.Mutator;
import org.argusee.testsupport.ServerFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's fuzzing of DARP on the deployed master: malformed challenge and login bodies (each from a loopback
 * address of its own, 127.77.x.y, so the login limits hold back no other test), config fetches with broken tokens
 * and headers, hellos from nobody, and broken messages on a stream a real login opened, sealed with its key so that
 * they reach the parser. Figures: no 5xx, every HTTP error problem+json, the stream always answers (a pong after
 * each message, or a close), and nothing stored for an object the slave is not served. CI form: 300 inputs per
 * kind; {@code -Dargus.fuzz.count=10000} for the full run (bench/fuzz.sh).
 */
class DarpFuzzIT extends DeployedServer {

    private static final Logger LOG = Logger.getLogger(DarpFuzzIT.class.getName());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration WITHIN = Duration.ofSeconds(20);

    DarpFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void malformedChallengesLoginsAndConfigFetchesGetA4xxProblem() throws Exception {
        fixture = new DarpFixture(base)
                .peer("\"127.0.0.1\", \"127.77.0.0/16\"", 60)
                .tree();
        long seed = Mutator.seed() + 10;
        URI api = fixture.base.resolve("api/darp/v1/");
        Mutator mutator = Mutator.ofTexts(
                seed,
                List.of(
                        "{\"tag\":\"" + fixture.tag + "\",\"clientNonce\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}",
                        "{\"tag\":\"" + fixture.tag + "\",\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA==AAAA\",\"proof\":\""
                                + "A".repeat(43) + "=\"}"));
        Random random = mutator.random();
        FuzzTally tally = new FuzzTally("DARP challenge, login, config", seed);
        ServerFigures before = ServerFigures.read(fixture.admin);
        String token = login().token();
        int count = Mutator.count(300);
        for (int i = 0; i < count; i++) {
            String from = "127.77." + (i / 4 / 250) % 250 + "." + (1 + (i / 4) % 250); // 4 tries per address
            long start = System.nanoTime();
            RawHttp.Reply reply;
            switch (i % 3) {
                case 0 -> reply = RawHttp.post(api.resolve("challenge"), from, mutator.nextText());
                case 1 -> reply = RawHttp.post(api.resolve("login"), from, mutator.nextText());
                default ->
                    reply = RawHttp.send(
                            "GET",
                            api.resolve("config"),
                            "127.0.0.1",
                            Map.of(
                                    "Authorization",
                                            random.nextBoolean() ? "Bearer " + header(mutator) : "Bearer " + token,
                                    "If-None-Match", header(mutator),
                                    "Argus-Darp-Nonce", header(mutator)),
                            null);
            }
            String wrong = wrong(reply);
            if (wrong == null) {
                tally.ok(Integer.toString(reply.status()), System.nanoTime() - start);
            } else {
                tally.failed(wrong, i, reply.status() + " " + reply.head() + "\n" + reply.body());
            }
        }
        assertEquals(
                200,
                RawHttp.send(
                                "GET",
                                api.resolve("config"),
                                "127.0.0.1",
                                Map.of("Authorization", "Bearer " + login().token()),
                                null)
                        .status(),
                "a real slave still logs in and fetches");
        LOG.info("DARP HTTP fuzz heap: " + before + " before, " + ServerFigures.read(fixture.admin) + " after");
        String summary = tally.summary();
        assertEquals(List.of(), tally.failures(), summary);
    }

    @Test
    void malformedStreamMessagesAreAnsweredOrClosedAndStoreNothingUnserved() throws Exception {
        fixture = new DarpFixture(base).peer().tree();
        long seed = Mutator.seed() + 20;
        String notServed = fixture.groupName() + ":NotServed:x.invalid:SMTP_x.invalid";
        Mutator mutator = Mutator.ofTexts(
                seed,
                List.of(
                        reports(1, fixture.ssh()),
                        reports(2, notServed),
                        "{\"type\":\"ping\",\"id\":7}",
                        "{\"type\":\"ack\",\"seq\":3}",
                        "{\"type\":\"error\",\"code\":\"malformed\",\"message\":\"x\",\"seq\":4}",
                        "{\"type\":\"hello\",\"protocol\":1,\"token\":\"x\",\"timeoutMillis\":10000}"));
        FuzzTally tally = new FuzzTally("DARP stream", seed);
        int count = Mutator.count(300);
        RawStream sealed = null;
        long ping = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            String message = mutator.nextText();
            if (i % 5 == 0) { // a first message from nobody: never sealed, never past the hello
                try (RawStream raw = new RawStream(fixture.base)) {
                    raw.sendAsIs(message);
                    closedOrFailed(tally, i, raw, start);
                } catch (Exception e) {
                    tally.ok("closed while sending", System.nanoTime() - start); // the master cut a big frame
                }
                continue;
            }
            if (sealed == null || sealed.isClosed()) {
                if (sealed != null) {
                    sealed.close();
                }
                sealed = helloed();
            }
            try {
                if (message.length() < 3 || !message.startsWith("{") || !message.endsWith("}")) {
                    sealed.sendAsIs(message); // no JSON object, so no seal: as if made up on the way
                    closedOrFailed(tally, i, sealed, start);
                    continue;
                }
                sealed.send(message);
                long id = ++ping;
                sealed.send("{\"type\":\"ping\",\"id\":" + id + "}");
                if (!pong(sealed, id)) {
                    closedOrFailed(tally, i, sealed, start);
                    continue;
                }
                tally.ok("answered", System.nanoTime() - start);
            } catch (AssertionError | Exception e) {
                if (sealed.isClosed()) {
                    closedOrFailed(tally, i, sealed, start);
                } else {
                    tally.failed("no answer", i, e + " after " + message);
                }
            }
        }
        if (sealed != null) {
            sealed.close();
        }
        Api.Reply unserved = fixture.admin.get("api/darp/objects/" + Api.encode(notServed));
        assertTrue(
                unserved.status() == 404
                        || unserved.json().getJsonArray("servers").stream()
                                .noneMatch(
                                        r -> r.asJsonObject().getString("tag").equals(fixture.tag)),
                "a report of an object the slave is not served was stored: " + unserved);
        String summary = tally.summary();
        assertEquals(List.of(), tally.failures(), summary);
    }

    private static void closedOrFailed(FuzzTally tally, int index, RawStream stream, long start) {
        String how = closed(stream);
        if (how.startsWith("no close")) {
            tally.failed("no close", index, how);
        } else {
            tally.ok(how, System.nanoTime() - start);
        }
    }

    /** How the master closed the stream: its close code, or "reset" when it cut the connection mid-frame. */
    private static String closed(RawStream stream) {
        try {
            return "closed " + stream.closeCode(WITHIN);
        } catch (Exception e) {
            return stream.isClosed() ? "reset" : "no close: " + e;
        }
    }

    /** Whether the pong of this ping came (others the fuzzed message asked for are skipped); false once closed. */
    private static boolean pong(RawStream stream, long id) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (stream.next("pong", Duration.ofMillis(200))
                                .getJsonNumber("id")
                                .longValue()
                        == id) {
                    return true;
                }
            } catch (AssertionError e) {
                if (stream.isClosed()) {
                    return false;
                }
            }
        }
        throw new AssertionError("neither the pong of ping " + id + " nor a close within " + WITHIN);
    }

    private MasterLogin.Session login() throws Exception {
        return new MasterLogin(HTTP, fixture.settings(fixture.secret, Duration.ofSeconds(30)), new SecureRandom())
                .login()
                .get(30, TimeUnit.SECONDS);
    }

    private RawStream helloed() throws Exception {
        MasterLogin.Session session = login();
        RawStream stream = new RawStream(fixture.base);
        stream.sealWith(session.sessionKey());
        stream.send(
                "{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + session.token() + "\",\"timeoutMillis\":60000}");
        stream.next("welcome", WITHIN);
        return stream;
    }

    /** A header value: printable ASCII only, as HTTP allows, of any length up to 2,000. */
    private static String header(Mutator mutator) {
        String v = mutator.nextValue().replaceAll("[^\\x20-\\x7e]", "?");
        return v.length() > 2000 ? v.substring(0, 2000) : v;
    }

    /** Why an HTTP answer is wrong; null when it is right. */
    static String wrong(RawHttp.Reply reply) {
        if (reply.status() >= 500) {
            return "5xx";
        }
        if (reply.status() >= 400) {
            String head = reply.head().toLowerCase();
            if (!head.contains("content-type: application/problem+json")) {
                return "error not problem+json";
            }
            try {
                JsonObject o = Json.createReader(new StringReader(reply.body())).readObject();
                return o.containsKey("status") ? null : "problem without a status";
            } catch (RuntimeException e) {
                return "problem+json that does not parse";
            }
        }
        return null;
    }

    private static String reports(long seq, String object) {
        return "{\"type\":\"reports\",\"items\":[{\"seq\":" + seq + ",\"object\":\"" + object
                + "\",\"status\":\"down\",\"severity\":\"minor\",\"reason\":\"fuzz\",\"at\":\"" + Instant.now()
                + "\"}]}";
    }
}
