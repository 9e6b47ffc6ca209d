package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.argusee.darp.control.link.LinkFailure;
import org.argusee.darp.control.link.LinkSettings;
import org.argusee.darp.control.link.MasterLogin;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slave login against the deployed master, the test JVM playing the slave: refused for a wrong secret, a wrong
 * tag, a wrong address or a replay, all alike; accepted for the right one; rate-limited per address.
 */
class DarpLoginIT extends DeployedServer {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    DarpFixture fixture;

    /**
     * The right login from 127.0.0.1 works after every test: the refusals were about what the test changed, and the
     * success clears 127.0.0.1's failure count, so the refusals of one test never throttle another.
     */
    @AfterEach
    void rightLoginStillWorksAndCleanUp() {
        try {
            if (fixture != null) {
                Api.Reply pinned =
                        fixture.admin.put("api/darp/peers/" + fixture.tag, "{\"allowedAddresses\": [\"127.0.0.1\"]}");
                assertEquals(200, pinned.status(), pinned.toString());
                assertNotNull(login(fixture.tag, fixture.secret).token());
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Test
    void theRightSecretFromAnAllowedAddressLogsIn() throws Exception {
        fixture = new DarpFixture(base).peer();
        MasterLogin.Session session = login(fixture.tag, fixture.secret);
        assertEquals(DarpFixture.MASTER_TAG, session.master());
        assertTrue(session.token().length() >= 40, session.token());
    }

    @Test
    void aWrongSecretIsRefused() {
        fixture = new DarpFixture(base).peer();
        assertRefused(fixture.tag, "not-the-secret-at-all");
    }

    @Test
    void aWrongTagIsRefused() {
        fixture = new DarpFixture(base).peer();
        assertRefused("nobody-" + fixture.tag, fixture.secret);
    }

    @Test
    void aSlaveAllowedOnlyFromAnotherAddressIsRefused() {
        fixture = new DarpFixture(base).peer("\"192.0.2.7\"", 60);
        assertRefused(fixture.tag, fixture.secret);
    }

    @Test
    void aReplayedLoginIsRefusedAndEveryRefusalLooksTheSame() {
        fixture = new DarpFixture(base).peer();
        Api anonymous = Api.anonymous(base);
        String body = ScramLogins.loginBody(anonymous, fixture.tag, fixture.secret);

        Api.Reply first = anonymous.post("api/darp/v1/login", body);
        assertEquals(200, first.status(), first.toString());
        Api.Reply replay = anonymous.post("api/darp/v1/login", body);
        assertEquals(401, replay.status(), replay.toString());

        Api.Reply wrongSecret =
                anonymous.post("api/darp/v1/login", ScramLogins.loginBody(anonymous, fixture.tag, "wrong-secret!"));
        Api.Reply wrongTag = anonymous.post(
                "api/darp/v1/login", ScramLogins.loginBody(anonymous, "x" + fixture.tag, fixture.secret));
        assertEquals(401, wrongSecret.status());
        assertEquals(401, wrongTag.status());
        assertEquals(replay.body(), wrongSecret.body(), "the reply does not say which part was wrong");
        assertEquals(replay.body(), wrongTag.body(), "the reply does not say which part was wrong");
        assertTrue(replay.body().contains("login refused"), replay.body());
        assertEquals(login(fixture.tag, fixture.secret).master(), DarpFixture.MASTER_TAG);
    }

    @Test
    void aMalformedLoginIsABadRequestNamingTheField() {
        Api anonymous = Api.anonymous(base);
        Api.Reply reply = anonymous.post("api/darp/v1/challenge", "{\"tag\": \"-bad\", \"clientNonce\": \"short\"}");
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.body().contains("\"tag\"") && reply.body().contains("\"clientNonce\""), reply.body());
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledEvenWithTheRightSecret() {
        fixture = new DarpFixture(base).peer("\"127.0.0.0/8\"", 60);
        String local = "127.0.0." + (2 + new SecureRandom().nextInt(250));
        for (int i = 0; i < 5; i++) {
            RawHttp.Reply refused = rawLogin(local, "wrong-secret-" + i);
            assertEquals(401, refused.status(), refused.toString());
        }
        RawHttp.Reply blocked = rawLogin(local, fixture.secret);
        assertEquals(429, blocked.status(), blocked.toString());
        assertTrue(blocked.head().toLowerCase().contains("retry-after:"), blocked.head());
        assertNotNull(login(fixture.tag, fixture.secret), "127.0.0.1 is not affected");
    }

    private RawHttp.Reply rawLogin(String local, String secret) {
        RawHttp.Reply challenge = RawHttp.post(
                Api.anonymous(base).base().resolve("api/darp/v1/challenge"),
                local,
                "{\"tag\":\"" + fixture.tag + "\",\"clientNonce\":\"" + ScramLogins.CLIENT_NONCE + "\"}");
        if (challenge.status() != 200) {
            return challenge;
        }
        JsonObject c = Json.createReader(new StringReader(challenge.body())).readObject();
        return RawHttp.post(
                Api.anonymous(base).base().resolve("api/darp/v1/login"),
                local,
                ScramLogins.proofBody(fixture.tag, secret, c));
    }

    private MasterLogin.Session login(String tag, String secret) {
        try {
            return client(tag, secret).login().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("login of " + tag + " failed", e);
        }
    }

    private void assertRefused(String tag, String secret) {
        ExecutionException e = assertThrows(
                ExecutionException.class, () -> client(tag, secret).login().get(30, TimeUnit.SECONDS));
        assertInstanceOf(LinkFailure.Unauthorized.class, e.getCause(), e.toString());
    }

    private MasterLogin client(String tag, String secret) {
        return new MasterLogin(
                HTTP,
                LinkSettings.of(
                        Api.anonymous(base).base(), tag, secret, null, Duration.ofSeconds(30), Duration.ofSeconds(10)),
                new SecureRandom());
    }
}
