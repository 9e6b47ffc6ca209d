package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.argusee.darp.control.link.MasterLink;
import org.argusee.darp.control.link.MasterLogin;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Duty and DARP/Watch on the deployed server, a master once it has a slave peer; the test JVM plays the slave:
 * DARP/Watch follows the slave's link within seconds (connected, gone, silent), and services whose darp_tags do
 * not name this server are not probed here while darp_mode none ones are.
 */
class DarpDutyIT extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(15);
    /** How soon DARP/Watch must follow a link change: it is probed on the change, not at its frequency. */
    static final Duration QUICKLY = Duration.ofSeconds(5);

    static final HttpClient HTTP = HttpClient.newHttpClient();

    DarpFixture fixture;
    String watchGroup;

    @AfterEach
    void cleanUp() {
        if (watchGroup != null) {
            fixture.admin.delete(Api.object(watchGroup) + "?recursive=true");
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void darpWatchIsUpWhileTheSlaveIsConnectedAndDownSoonAfterItLeaves() {
        fixture = new DarpFixture(base).peer("\"127.0.0.1\"", 2);
        String watch = watchService();
        checkNow(watch, 1);
        JsonObject before = awaitStatus(watch, "down", WITHIN);
        assertTrue(before.getString("reason").contains(fixture.tag), before.toString());

        MasterLink link = fixture.link(new DarpFixture.Recorder());
        link.start();
        Eventually.await("the link connected", WITHIN, () -> link.state().connected());
        Duration up = Eventually.await(
                "DARP/Watch up", QUICKLY, () -> "up".equals(status(watch).getString("status")));

        link.stop();
        Duration down = Eventually.await("DARP/Watch down after the slave left", QUICKLY, () -> "down"
                .equals(status(watch).getString("status")));
        String reason = status(watch).getString("reason");
        assertTrue(reason.startsWith("DARP slave '" + fixture.tag + "' down: "), reason);
        assertTrue(up.plus(down).toMillis() < 10_000, "up in " + up + ", down in " + down);
    }

    @Test
    void darpWatchGoesDownWhenTheSlaveFallsSilent() throws Exception {
        fixture = new DarpFixture(base).peer("\"127.0.0.1\"", 4); // long enough to see it up first
        String watch = watchService();
        checkNow(watch, 1);
        try (RawStream silent = new RawStream(fixture.base)) {
            hello(silent);
            awaitStatus(watch, "up", QUICKLY);
            // it answers no ping: the master's 4 s timeout finds it, and DARP/Watch follows at once
            assertEquals(4408, silent.closeCode(WITHIN));
            JsonObject down = awaitStatus(watch, "down", QUICKLY);
            assertTrue(
                    down.getString("reason").contains("nothing heard")
                            || down.getString("reason").contains("no answer to a ping"),
                    down.toString());
        }
    }

    @Test
    void darpWatchOfAnUnknownTagIsDownNamingIt() {
        fixture = new DarpFixture(base);
        String watch =
                watchService("no-such-peer-" + UUID.randomUUID().toString().substring(0, 8));
        checkNow(watch, 1);
        JsonObject down = awaitStatus(watch, "down", WITHIN);
        assertTrue(down.getString("reason").contains("no-such-peer-"), down.toString());
    }

    @Test
    void servicesWhoseTagsDoNotNameThisServerAreNotProbedHere() {
        fixture = new DarpFixture(base).peer().tree(); // distributed, darp_tags: the slave; NotServed: none
        String notServed = fixture.groupName() + ":NotServed";
        // once the scheduler has the new services: of the four, only the darp_mode none one is probed here
        Eventually.await(
                "the darp_mode none service probed by check now",
                WITHIN,
                () -> check(notServed).getInt("started") == 1);
        JsonObject all = check(fixture.groupName());
        assertEquals(4, all.getInt("services"), all.toString());
        assertEquals(1, all.getInt("started"), "only darp_mode none: " + all);

        String smtp = notServed + ":SMTP_x.invalid";
        Eventually.await(
                "the darp_mode none service checked", WITHIN, () -> status(smtp).containsKey("checkedAt"));
        assertEquals(0, check(fixture.ssh()).getInt("started"));
        JsonObject ssh = status(fixture.ssh());
        assertFalse(ssh.containsKey("checkedAt") && !ssh.isNull("checkedAt"), "never probed here: " + ssh);
        assertEquals("unknown", ssh.getString("status"));
    }

    /** Top:Watch_x > Host > DARP/Watch/<the fixture's slave>, with a frequency that never comes in a test. */
    private String watchService() {
        return watchService(fixture.tag);
    }

    private String watchService(String tag) {
        watchGroup = "Top:Watch_" + UUID.randomUUID().toString().substring(0, 8);
        created(fixture.admin.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [{"key": "frequency", "value": "3600"}]}""".formatted(watchGroup.substring(4))));
        created(fixture.admin.post(Api.object(watchGroup) + "/children", """
                {"kind": "Host", "name": "watch.invalid"}"""));
        return created(fixture.admin.post(Api.object(watchGroup + ":watch.invalid") + "/children", """
                {"kind": "Service", "type": "DARP/Watch/%s"}""".formatted(tag)))
                .getString("fullName");
    }

    /** Waits until the scheduler has the service, then probes it once. */
    private void checkNow(String fullName, int services) {
        Eventually.await(
                "check now of " + fullName, WITHIN, () -> check(fullName).getInt("started") == services);
    }

    private JsonObject check(String fullName) {
        Api.Reply reply = fixture.admin.post("api/status/" + Api.encode(fullName) + "/check", null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject status(String fullName) {
        Api.Reply reply = fixture.admin.get("api/status/" + Api.encode(fullName));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject awaitStatus(String fullName, String wanted, Duration within) {
        Eventually.await(
                fullName + " " + wanted,
                within,
                () -> wanted.equals(status(fullName).getString("status")));
        return status(fullName);
    }

    private void hello(RawStream stream) throws Exception {
        MasterLogin.Session session = new MasterLogin(
                        HTTP, fixture.settings(fixture.secret, Duration.ofSeconds(30)), new SecureRandom())
                .login()
                .get(30, TimeUnit.SECONDS);
        stream.sealWith(session.sessionKey()); // the hello is message 1 of the sealed stream
        stream.send(
                "{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + session.token() + "\",\"timeoutMillis\":60000}");
        stream.next("welcome", WITHIN);
    }

    private static JsonObject created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }
}
