package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.Test;

/**
 * The deployed server as a newcomer meets it: the sample tree, the server's identity, its documentation, and
 * what operations watches (health on the management port, metrics).
 */
class PlatformIT extends DeployedServer {

    @Test
    void topShowsTheSampleTree() {
        Api.Reply reply = Api.admin(base).get("api/objects/Top");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject top = reply.json();
        assertEquals("Top", top.getString("fullName"));
        List<String> children = top.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("fullName"))
                .toList();
        assertTrue(children.containsAll(List.of("Top:Local", "Top:Database", "Top:DNS")), children.toString());
    }

    @Test
    void readinessIsUpAndChecksTheDatabase() throws MalformedURLException {
        Api.Reply reply = management().get("health/ready");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "database".equals(c.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named database: " + reply));
        assertEquals("UP", database.getString("status"));
    }

    @Test
    void livenessIsUp() throws MalformedURLException {
        Api.Reply reply = management().get("health/live");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("UP", reply.json().getString("status"));
    }

    @Test
    void metricsAreServedToAnyUserInPrometheusFormat() {
        Api admin = Api.admin(base);
        String name = "scraper_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = admin.post("api/users", """
                {"username": "%s", "password": "scrape-password", "roles": ["user"]}""".formatted(name));
        assertEquals(201, created.status(), created.toString());
        try {
            Api.Reply reply = Api.anonymous(base).as(name, "scrape-password").get("api/metrics");
            assertEquals(200, reply.status(), reply.toString());
            assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
            assertTrue(reply.body().contains("argus_tree_objects"), "no tree gauge in the metrics");
            assertTrue(reply.body().contains("jvm_memory_used_bytes"), "no JVM memory in the metrics");
        } finally {
            admin.delete("api/users/" + name);
        }
    }

    @Test
    void theOpenApiDocumentIsNotServedUnlessTurnedOn() {
        // WildFly serves it on the host, outside the application's login (docs/security.md, finding 9)
        Api.Reply reply = Api.anonymous(base).get("openapi?format=JSON");
        assertNotEquals(200, reply.status(), reply.toString());
        assertFalse(reply.body().contains("/api/objects/{fullName}"), reply.body());
    }

    @Test
    void serverNamesItsTagAndRole() {
        Api.Reply reply = Api.admin(base).get("api/server");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject server = reply.json();
        assertEquals("it-server", server.getString("darpTag"), "set by arquillian.xml");
        // no master URL is configured and, as long as no test leaves a slave peer behind, it masters nobody
        assertEquals(
                "standalone",
                server.getString("darpRole"),
                () -> "peers: " + Api.admin(base).get("api/darp/peers"));
    }

    private static Api management() throws MalformedURLException {
        String port = System.getProperty("argus.test.management.port");
        return Api.anonymous(URI.create("http://127.0.0.1:" + port + "/").toURL());
    }
}
