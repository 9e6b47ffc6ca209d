package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.argusee.darp.control.link.MasterLogin;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deployed server as a DARP master combining reports: the test JVM plays one or two slaves over the real
 * stream (raw, so it sends exactly the reports the test says), the master probes a real listener on 127.0.0.1
 * itself, and the combined status is what {@code /api/status/...} and {@code /api/darp/objects/...} show.
 */
class DarpCombineIT extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(20);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    Api admin;
    String group;
    ServerSocket listener;
    final List<FakeSlave> slaves = new ArrayList<>();

    /** A slave played over a raw stream: logged in, welcomed, numbering its reports after the master's last. */
    final class FakeSlave implements AutoCloseable {
        final DarpFixture fixture;
        RawStream stream;
        long next;

        FakeSlave() throws Exception {
            fixture = new DarpFixture(base).peer();
            try {
                MasterLogin.Session session = new MasterLogin(
                                HTTP, fixture.settings(fixture.secret, Duration.ofSeconds(30)), new SecureRandom())
                        .login()
                        .get(30, TimeUnit.SECONDS);
                stream = new RawStream(fixture.base);
                stream.sealWith(session.sessionKey()); // the hello is message 1 of the sealed stream
                stream.send("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + session.token()
                        + "\",\"timeoutMillis\":60000}");
                next = stream.next("welcome", WITHIN).getJsonNumber("lastSeq").longValue() + 1;
            } catch (Exception | AssertionError e) {
                if (stream != null) {
                    stream.close();
                }
                fixture.close(); // its peer row would be left for the other tests to find
                throw e;
            }
        }

        String tag() {
            return fixture.tag;
        }

        void report(String object, String status, String severity, String reason, boolean override) throws Exception {
            long seq = next++;
            stream.send("{\"type\":\"reports\",\"items\":[{\"seq\":" + seq + ",\"object\":\"" + object
                    + "\",\"status\":\"" + status + "\",\"severity\":\"" + severity + "\""
                    + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + ",\"at\":\"" + Instant.now()
                    + "\",\"override\":" + override + "}]}");
            assertEquals(seq, stream.next("ack", WITHIN).getJsonNumber("seq").longValue());
        }

        void down(String object, String severity, String reason) throws Exception {
            report(object, "down", severity, reason, false);
        }

        void up(String object) throws Exception {
            report(object, "up", "clear", null, false);
        }

        @Override
        public void close() {
            stream.close();
            fixture.close();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        admin = Api.admin(base);
        group = "Top:Comb_" + UUID.randomUUID().toString().substring(0, 8);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "darp-combine-it-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        admin.delete(Api.object(group) + "?recursive=true");
        slaves.forEach(FakeSlave::close);
        listener.close();
    }

    @ParameterizedTest(name = "gravity {0}: master up, slaves down -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            down | down | critical | gravity |
            up   | up   |          | gravity | A, B
            vote | down | minor    | gravity |
            ietf | down | minor    | gravity |
            self | up   |          | own_result | A, B""")
    void eachGravityCombinesTheMastersOwnResultWithTheSlavesReports(
            String gravity, String status, String severity, String basis, String failing) throws Exception {
        FakeSlave a = slave();
        FakeSlave b = slave();
        String service = service("redundant", gravity, DarpFixture.MASTER_TAG + " " + a.tag() + " " + b.tag());
        awaitOwn(service, "up");

        a.down(service, "critical", "connection refused");
        b.down(service, "minor", "timeout");

        // both reports counted (the first alone may give another status on the way)
        Eventually.await("both reports counted", WITHIN, () -> "down"
                .equals(row(service, b.tag()).getString("status")));
        List<String> expectedFailing = failing == null
                ? List.of()
                : List.of(a.tag(), b.tag()).stream().sorted().toList();
        String onA = a.tag() + " (connection refused)";
        String onB = b.tag() + " (timeout)";
        // the servers in tag order, with their reasons
        String reason = "down on " + (a.tag().compareTo(b.tag()) < 0 ? onA + ", " + onB : onB + ", " + onA);
        Eventually.await(service + " is " + status + " " + severity + " as stored", WITHIN, () -> {
            JsonObject s = status(service);
            return status.equals(s.getString("status"))
                    && (!status.equals("down")
                            || severity.equals(s.getString("severity")) && reason.equals(s.getString("reason")));
        });
        JsonObject combined = darp(service).getJsonObject("combined");
        assertEquals(status, combined.getString("status"), combined.toString());
        assertEquals(basis, combined.getString("basis"), combined.toString());
        assertEquals(expectedFailing, strings(combined.getJsonArray("failingWhileUp")), combined.toString());
        JsonObject own = row(service, DarpFixture.MASTER_TAG);
        assertEquals("up", own.getString("status"), "this server's own row is its own result");
        assertTrue(own.getBoolean("self"));
        JsonObject rowA = row(service, a.tag());
        assertEquals("down", rowA.getString("status"));
        assertEquals("connection refused", rowA.getString("reason"));
        assertTrue(rowA.getBoolean("connected"));
        assertFalse(rowA.isNull("reportedAt"));
    }

    @Test
    void aDistributedObjectTheMasterDoesNotTestTakesItsStatusFromTheReportsAlone() throws Exception {
        FakeSlave a = slave();
        String service = service("distributed", "down", a.tag());
        assertEquals("unknown", row(service, a.tag()).getString("status"), "named by the tags, never reported");
        assertEquals("unknown", status(service).getString("status"), "nobody counted has reported: unknown");

        a.down(service, "major", "no route to host");
        JsonObject down = awaitStatus(service, "down");
        assertEquals("down on " + a.tag() + " (no route to host)", down.getString("reason"));
        assertEquals("major", down.getString("severity"));
        JsonObject combined = darp(service).getJsonObject("combined");
        assertEquals(List.of(), strings(combined.getJsonArray("failingWhileUp")), "down: nobody failing while up");
        assertFalse(row(service, DarpFixture.MASTER_TAG).getBoolean("counted"), "not in the tags: not counted");

        a.up(service);
        awaitStatus(service, "up");
        assertEquals("gravity", darp(service).getJsonObject("combined").getString("basis"));
    }

    @Test
    void aSlavesOverrideShowsAsOverrideOnTheMaster() throws Exception {
        FakeSlave a = slave();
        String service = service("redundant", "down", DarpFixture.MASTER_TAG + " " + a.tag());
        awaitOwn(service, "up");

        a.report(service, "down", "major", "maintenance window", true);

        Eventually.await(service + " shows override", WITHIN, () -> "override"
                .equals(status(service).getString("displayStatus")));
        JsonObject shown = status(service);
        assertEquals("down", shown.getString("status"));
        assertEquals("clear", shown.getString("severity"), "an override shows severity clear");
        assertEquals("override on " + a.tag() + " (maintenance window)", shown.getString("reason"));
        JsonObject combined = darp(service).getJsonObject("combined");
        assertTrue(combined.getBoolean("override"));
        assertTrue(row(service, a.tag()).getBoolean("override"));
        JsonObject transition = lastTransition(service);
        assertEquals("override", transition.getString("to"), transition.toString());

        a.up(service);
        awaitStatus(service, "up");
    }

    @Test
    void darpQuorumHoldsTheStatusUpUntilEnoughServersReportDown() throws Exception {
        FakeSlave a = slave();
        FakeSlave b = slave();
        String service = service(
                "redundant", "down", DarpFixture.MASTER_TAG + " " + a.tag() + " " + b.tag(), "darp_quorum", "2");
        awaitOwn(service, "up");
        awaitStatus(service, "up");

        a.down(service, "major", "timeout");
        Eventually.await("the quorum decides", WITHIN, () -> "quorum_not_met"
                .equals(darp(service).getJsonObject("combined").getString("basis")));
        assertEquals("up", status(service).getString("status"), "one down of a quorum of two: stays up");
        assertEquals(
                List.of(a.tag()),
                strings(darp(service).getJsonObject("combined").getJsonArray("failingWhileUp")),
                "failing while up is shown, not hidden");

        b.down(service, "major", "timeout");
        JsonObject down = awaitStatus(service, "down");
        assertEquals(
                "down on "
                        + String.join(
                                " (timeout), ",
                                List.of(a.tag(), b.tag()).stream().sorted().toList()) + " (timeout)",
                down.getString("reason"));
    }

    @Test
    void aDisconnectChangesIetf() throws Exception {
        FakeSlave a = slave();
        String service = service("redundant", "ietf", DarpFixture.MASTER_TAG + " " + a.tag());
        awaitOwn(service, "up");

        a.down(service, "major", "timeout");
        awaitStatus(service, "down");
        assertTrue(row(service, a.tag()).getBoolean("counted"));

        a.stream.close();
        awaitStatus(service, "up");
        JsonObject rowA = row(service, a.tag());
        assertFalse(rowA.getBoolean("connected"));
        assertFalse(rowA.getBoolean("counted"), "ietf counts only the servers connected now");
        assertEquals("down", rowA.getString("status"), "its last report is still shown");
    }

    // --- helpers

    private FakeSlave slave() throws Exception {
        FakeSlave s = new FakeSlave();
        slaves.add(s);
        return s;
    }

    /** The group (mode, gravity, tags and more) with host 127.0.0.1 and a TCP service on the listener. */
    private String service(String mode, String gravity, String tags, String... more) {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < more.length; i += 2) {
            extra.append(", {\"key\": \"%s\", \"value\": \"%s\"}".formatted(more[i], more[i + 1]));
        }
        created(admin.post(
                Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "darp_mode", "value": "%s"}, {"key": "darp_gravity", "value": "%s"},
                  {"key": "darp_tags", "value": "%s"}, {"key": "frequency", "value": "1"},
                  {"key": "retries", "value": "0"}, {"key": "timeout", "value": "2"}%s]}""".formatted(group.substring(4), mode, gravity, tags, extra)));
        created(admin.post(Api.object(group) + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}"""));
        return created(admin.post(
                        Api.object(group + ":127.0.0.1") + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [{"key": "port", "value": "%d"},
                  {"key": "expect", "value": "^OK"}]}""".formatted(listener.getLocalPort())))
                .getString("fullName");
    }

    private void awaitOwn(String service, String status) {
        Eventually.await(
                service + ": the master's own result " + status,
                WITHIN,
                () -> status.equals(row(service, DarpFixture.MASTER_TAG).getString("status")));
    }

    private JsonObject awaitStatus(String service, String status) {
        Eventually.await(
                service + " is " + status,
                WITHIN,
                () -> status.equals(status(service).getString("status")));
        return status(service);
    }

    private JsonObject status(String fullName) {
        Api.Reply reply = admin.get("api/status/" + Api.encode(fullName));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject darp(String fullName) {
        Api.Reply reply = admin.get("api/darp/objects/" + Api.encode(fullName));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject row(String fullName, String tag) {
        return darp(fullName).getJsonArray("servers").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("tag").equals(tag))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + tag + " for " + fullName));
    }

    private JsonObject lastTransition(String fullName) {
        Api.Reply reply = admin.get("api/status/" + Api.encode(fullName) + "/transitions");
        assertEquals(200, reply.status(), reply.toString());
        JsonArray items = reply.json().getJsonArray("items");
        return items.getJsonObject(0);
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept();
                    OutputStream out = s.getOutputStream()) {
                out.write("OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }
}
