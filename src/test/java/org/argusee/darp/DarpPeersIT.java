package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DARP peers over REST: the shared secret goes in once and never comes out, not even as its verifier; the
 * database holds only a SCRAM-SHA-256 verifier that checks the secret.
 */
class DarpPeersIT extends DeployedServer {

    Api api;
    String tag;
    String secret;

    @BeforeEach
    void peerOfItsOwn() {
        api = Api.admin(base);
        tag = "slave-" + UUID.randomUUID().toString().substring(0, 8);
        secret = "s3cret-" + UUID.randomUUID();
    }

    @AfterEach
    void removePeer() {
        // a slave peer left behind would make this server a DARP master for every later test
        api.delete(peers(tag));
    }

    @Test
    void createdPeerRoundTripsWithoutItsSecret() {
        Api.Reply reply = create();
        assertEquals(201, reply.status(), reply.toString());
        assertNotNull(reply.header("Location"));
        JsonObject peer = reply.json();
        assertEquals(tag, peer.getString("tag"));
        assertEquals("slave", peer.getString("role"));
        assertEquals(List.of("127.0.0.1", "10.0.0.0/8", "slave1.example.com"), strings(peer, "allowedAddresses"));
        assertEquals("https://slave1.example.com:8443/", peer.getString("remoteUrl"));
        assertEquals("Slave one", peer.getString("label"));
        assertEquals(30, peer.getInt("timeoutSeconds"));
        assertTrue(peer.getBoolean("secretSet"));

        Api.Reply fetched = api.get(peers(tag));
        Api.Reply listed = api.get("api/darp/peers");
        assertEquals(withoutTimes(peer), withoutTimes(fetched.json()));
        assertTrue(
                listed.array().getValuesAs(JsonObject.class).stream()
                        .map(DarpPeersIT::withoutTimes)
                        .anyMatch(withoutTimes(peer)::equals),
                listed.toString());
        for (Api.Reply r : List.of(reply, fetched, listed)) {
            assertFalse(r.body().contains(secret), "the secret is in " + r);
            assertFalse(r.body().contains("SCRAM-SHA-256"), "the verifier is in " + r);
        }
    }

    @Test
    void databaseHoldsAScramVerifierOfTheSecret() throws SQLException {
        assertEquals(201, create().status());

        String verifier = storedVerifier();
        assertTrue(verifier.matches("^SCRAM-SHA-256\\$.*"), verifier);
        assertFalse(verifier.contains(secret));
        assertTrue(ScramVerifier.parse(verifier).matches(secret), "the verifier checks the secret");
        assertFalse(ScramVerifier.parse(verifier).matches("wrong"), "the verifier refuses another secret");
    }

    @Test
    void rotatingTheSecretReplacesTheVerifier() throws SQLException {
        assertEquals(201, create().status());
        String before = storedVerifier();
        String rotated = "rotated-" + UUID.randomUUID();

        Api.Reply reply = api.put(peers(tag) + "/secret", """
                {"secret": "%s"}""".formatted(rotated));

        assertEquals(204, reply.status(), reply.toString());
        String after = storedVerifier();
        assertNotEquals(before, after);
        assertTrue(ScramVerifier.parse(after).matches(rotated));
        assertFalse(ScramVerifier.parse(after).matches(secret), "the old secret no longer works");
        assertTrue(api.get(peers(tag)).json().getBoolean("secretSet"));
    }

    @Test
    void badAddressIsRefusedNamingTheField() {
        badRequest(api.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": ["not an address!"]}""".formatted(tag)), "allowedAddresses");
    }

    @Test
    void badTagIsRefusedNamingTheField() {
        badRequest(api.post("api/darp/peers", """
                {"tag": "-bad tag", "role": "slave"}"""), "tag");
    }

    @Test
    void shortSecretIsRefusedNamingTheField() {
        badRequest(api.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "secret": "short"}""".formatted(tag)), "secret");
        assertEquals(404, api.get(peers(tag)).status(), "nothing was created");

        assertEquals(201, create().status());
        badRequest(api.put(peers(tag) + "/secret", """
                {"secret": "short"}"""), "secret");
    }

    @Test
    void badUrlIsRefusedNamingTheField() {
        badRequest(api.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "remoteUrl": "ftp://slave1.example.com/"}""".formatted(tag)), "remoteUrl");
    }

    @Test
    void duplicateTagIsAConflict() {
        assertEquals(201, create().status());
        Api.Reply again = create();
        assertEquals(409, again.status(), again.toString());
        assertEquals("tag", again.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void peerIsUpdated() {
        assertEquals(201, create().status());

        Api.Reply reply = api.put(peers(tag), """
                {"role": "master", "allowedAddresses": ["192.0.2.7"], "label": "Now a master",
                 "timeoutSeconds": 90}""");

        assertEquals(200, reply.status(), reply.toString());
        JsonObject peer = api.get(peers(tag)).json();
        assertEquals("master", peer.getString("role"));
        assertEquals(List.of("192.0.2.7"), strings(peer, "allowedAddresses"));
        assertEquals("Now a master", peer.getString("label"));
        assertEquals(90, peer.getInt("timeoutSeconds"));
        assertEquals("https://slave1.example.com:8443/", peer.getString("remoteUrl"), "left out, so unchanged");
        assertTrue(peer.getBoolean("secretSet"), "the secret is kept");
    }

    @Test
    void peerIsDeleted() {
        assertEquals(201, create().status());

        assertEquals(204, api.delete(peers(tag)).status());

        assertEquals(404, api.get(peers(tag)).status());
    }

    @Test
    void unknownTagIsNotFound() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(404, api.get(peers(unknown)).status());
        assertEquals(404, api.put(peers(unknown), """
                {"label": "x"}""").status());
        assertEquals(404, api.put(peers(unknown) + "/secret", """
                {"secret": "long-enough-secret"}""").status());
        assertEquals(404, api.delete(peers(unknown)).status());
    }

    private Api.Reply create() {
        return api.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": ["127.0.0.1", "10.0.0.0/8", "slave1.example.com"],
                 "remoteUrl": "https://slave1.example.com:8443/", "label": "Slave one", "timeoutSeconds": 30,
                 "secret": "%s"}""".formatted(tag, secret));
    }

    @Test
    void aSlaveAddedWithPlainSqlReachesTheTopologyWithoutARestart() throws SQLException {
        String group = "sqlpeer" + tag.substring(6);
        Api.Reply created = api.post(
                Api.object("Top") + "/children",
                "{\"kind\":\"Group\",\"name\":\"" + group
                        + "\",\"parameters\":[{\"key\":\"darp_mode\",\"value\":\"redundant\"}]}");
        assertEquals(201, created.status(), created.toString());
        String fullName = "Top:" + group;
        try {
            try (Connection db = TestDatabase.connect();
                    PreparedStatement s =
                            db.prepareStatement("insert into argus.darp_peer (tag, role, allowed_addresses)"
                                    + " values (?, 'slave', '127.0.0.1')")) {
                s.setString(1, tag);
                assertEquals(1, s.executeUpdate());
            }
            // darp_tags '*' names every server the master knows: the view lists the new slave once it is known
            Eventually.await("the DARP view of " + fullName + " names " + tag, Duration.ofSeconds(20), () -> api.get(
                            "api/darp/objects/" + Api.encode(fullName))
                    .body()
                    .contains("\"" + tag + "\""));
        } finally {
            api.delete(Api.object(fullName) + "?recursive=true");
        }
    }

    private static String peers(String tag) {
        return "api/darp/peers/" + Api.encode(tag);
    }

    private static void badRequest(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertTrue(fields.contains(field), "expected an error for " + field + ": " + reply);
    }

    /** The database keeps microseconds, the answer to a create the clock's nanoseconds. */
    private static JsonObject withoutTimes(JsonObject peer) {
        return Json.createObjectBuilder(peer)
                .remove("createdAt")
                .remove("updatedAt")
                .build();
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private String storedVerifier() throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement s =
                        db.prepareStatement("select secret_verifier from argus.darp_peer where tag = ?")) {
            s.setString(1, tag);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for peer " + tag);
                return rs.getString(1);
            }
        }
    }
}
