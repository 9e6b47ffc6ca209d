package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.argusee.darp.control.link.MasterLogin;
import org.argusee.darp.control.wire.ConfigDocument;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The config fetch against the deployed master: exactly the slave's objects, conditional on the ETag, a change made
 * through the API or with plain SQL served within 5 s, and a token good only from where it was given.
 */
class DarpConfigIT extends DeployedServer {

    static final Duration LIVE_WITHIN = Duration.ofSeconds(5);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    DarpFixture fixture;
    MasterLogin client;
    MasterLogin.Session session;

    @BeforeEach
    void slaveWithItsTree() throws Exception {
        fixture = new DarpFixture(base).peer().tree();
        client = new MasterLogin(HTTP, fixture.settings(fixture.secret, Duration.ofSeconds(30)), new SecureRandom());
        session = client.login().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    @Test
    void theSlaveGetsExactlyItsObjectsAndTheirPaths() throws Exception {
        ConfigDocument doc = fetch(null).orElseThrow();

        Set<String> services =
                fixture
                        .admin
                        .get(Api.object(fixture.hostName()) + "/children")
                        .array()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(c -> !c.getString("type", "").startsWith("Self"))
                        .map(c -> c.getString("fullName"))
                        .collect(Collectors.toSet());
        assertEquals(2, services.size(), services.toString());
        List<String> names =
                doc.objects().stream().map(ConfigDocument.Entry::fullName).toList();
        assertEquals(List.of("Top", fixture.groupName(), fixture.hostName()), names.subList(0, 3));
        assertEquals(services, Set.copyOf(names.subList(3, names.size())), "no Self service, no unserved group");
        assertEquals(fixture.tag, doc.slave());
        assertEquals(DarpFixture.MASTER_TAG, doc.master());
        assertTrue(
                doc.objects().get(1).parameters().stream()
                        .anyMatch(p -> p.key().equals("darp_tags") && p.value().equals(fixture.tag)),
                "own parameters come along");
    }

    @Test
    void anUnchangedConfigIsNotModified() throws Exception {
        ConfigDocument doc = fetch(null).orElseThrow();
        assertEquals(Optional.empty(), fetch(doc.version()), "304 for the same version");

        HttpResponse<String> plain = get(session.token(), doc.version());
        assertEquals(304, plain.statusCode());
        assertEquals(
                "\"" + doc.version() + "\"", plain.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void aChangeThroughTheApiIsServedWithinSeconds() throws Exception {
        String before = fetch(null).orElseThrow().version();
        Api.Reply put = fixture.admin.put(Api.object(fixture.hostName()) + "/parameters/timeout", """
                {"value": "17", "local": false}""");
        assertEquals(200, put.status(), put.toString());

        Eventually.await("the API change in the served config", LIVE_WITHIN, () -> changed(before, "timeout", "17"));
    }

    @Test
    void aChangeWithPlainSqlIsServedWithinSeconds() throws Exception {
        String before = fetch(null).orElseThrow().version();
        try (Connection db = TestDatabase.connect();
                PreparedStatement s = db.prepareStatement("insert into argus.param (object_id, key, value)"
                        + " select id, 'retries', '7' from argus.object_full_name where full_name = ?")) {
            s.setString(1, fixture.hostName());
            assertEquals(1, s.executeUpdate());
        }
        Eventually.await("the SQL change in the served config", LIVE_WITHIN, () -> changed(before, "retries", "7"));
    }

    @Test
    void withoutAValidTokenTheConfigIsRefused() throws Exception {
        assertEquals(401, get(null, null).statusCode());
        assertEquals(401, get("forged-token", null).statusCode());
        RawHttp.Reply elsewhere = RawHttp.send(
                "GET",
                fixture.base.resolve("api/darp/v1/config"),
                "127.0.0.9",
                Map.of("Authorization", "Bearer " + session.token()),
                null);
        assertEquals(401, elsewhere.status(), "a token is good only from the address it was given to");
        assertEquals(200, get(session.token(), null).statusCode());
    }

    @Test
    void theAdminApiStaysBehindTheLogin() {
        assertEquals(401, Api.anonymous(base).get("api/darp/connections").status());
        assertEquals(401, Api.anonymous(base).get("api/darp/peers").status());
        assertEquals(401, Api.anonymous(base).get("api/darp/objects/Top").status());
    }

    private boolean changed(String before, String key, String value) {
        try {
            Optional<ConfigDocument> doc = fetch(before);
            return doc.isPresent()
                    && doc.get().objects().stream()
                            .filter(o -> o.fullName().equals(fixture.hostName()))
                            .flatMap(o -> o.parameters().stream())
                            .anyMatch(p -> p.key().equals(key) && p.value().equals(value));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Optional<ConfigDocument> fetch(String version) throws Exception {
        return client.fetch(session, version).get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String token, String version) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.base + "api/darp/v1/config"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            b.header("If-None-Match", "\"" + version + "\"");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
