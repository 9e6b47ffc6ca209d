package org.argusee.probe;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DB service in the deployed server: the PostgreSQL driver is found through the server's module, and the query
 * runs against the tests' own PostgreSQL on loopback (the server's database, read only).
 */
class DbProbingIT extends DeployedServer {

    Api api;
    String group;

    @BeforeEach
    void setUp() {
        api = Api.admin(base);
        group = "Top:db_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [
                  {"key": "frequency", "value": "1"}, {"key": "retries", "value": "0"},
                  {"key": "timeout", "value": "5"}]}""".formatted(group.substring(4)))
                        .status());
    }

    @AfterEach
    void tearDown() {
        api.delete(object(group) + "?recursive=true");
    }

    @Test
    void aQueryIsTheServicesValue() throws SQLException {
        String dsn;
        String user;
        try (Connection c = TestDatabase.connect()) {
            URI url = URI.create(c.getMetaData().getURL().substring("jdbc:".length()));
            dsn = "dbi:Pg:dbname=" + url.getPath().substring(1) + ";host=127.0.0.1;port=" + url.getPort();
            user = c.getMetaData().getUserName();
        }
        Api.Reply created = api.post(object(group) + "/children", """
                {"kind": "Service", "type": "DB", "name": "count", "parameters": [
                  {"key": "dsn", "value": "%s"}, {"key": "user", "value": "%s"},
                  {"key": "pass", "value": "argus"},
                  {"key": "sql", "value": "select 40 + 2 as answer"}, {"key": "rowfmt", "value": "n=%%{answer}"},
                  {"key": "expect", "value": "^n=42$"}]}""".formatted(dsn, user));
        assertEquals(201, created.status(), created.toString());
        String service = created.json().getString("fullName");
        Eventually.await(service + " up", Duration.ofSeconds(30), () -> "up"
                .equals(status(service).getString("status")));
        assertTrue(
                status(service).getString("result", "").startsWith("n=42"),
                status(service).toString());
    }

    private JsonObject status(String fullName) {
        return api.get(object(fullName)).json().getJsonObject("status");
    }
}
