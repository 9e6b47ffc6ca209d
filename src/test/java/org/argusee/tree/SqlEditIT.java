package org.argusee.tree;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator edits the tables with plain SQL, as db-migrations/README.md shows, and the running server
 * follows within seconds; a row it cannot use is reported, not fatal.
 */
class SqlEditIT extends DeployedServer {

    /** The README promises "within a couple of seconds"; the test server polls every 500 ms. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);

    Api api;
    Connection db;
    String group;

    @BeforeEach
    void connect() throws SQLException {
        api = Api.admin(base);
        db = TestDatabase.connect();
        db.setAutoCommit(true);
        group = "sql_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeTheGroup() throws SQLException {
        try {
            sql(
                    "delete from argus.object where id in (select id from argus.object_full_name where full_name = ?)",
                    "Top:" + group);
        } finally {
            db.close();
        }
    }

    @Test
    void objectsAndParametersInsertedBySqlAppearInTheApi() throws SQLException {
        insertGroupHostAndPing();
        String service = "Top:" + group + ":gw.example.com:Ping_gw.example.com";

        Eventually.await(
                service + " visible in the API",
                LIVE_WITHIN,
                () -> api.get(object(service)).status() == 200);
        JsonObject view = api.get(object(service)).json();
        assertEquals("Ping", view.getString("type"));
        JsonObject frequency = effective(view, "frequency");
        assertEquals("30s", frequency.getString("value"), "inherited from the group the SQL gave it to");
        assertEquals("Top:" + group, frequency.getString("source"));
    }

    @Test
    void parameterUpdatedBySqlIsLive() throws SQLException {
        insertGroupHostAndPing();
        String service = "Top:" + group + ":gw.example.com:Ping_gw.example.com";
        Eventually.await(
                service + " visible in the API",
                LIVE_WITHIN,
                () -> api.get(object(service)).status() == 200);

        change(
                "update argus.param set value = '2m' where key = 'frequency' and object_id ="
                        + " (select id from argus.object_full_name where full_name = ?)",
                "Top:" + group);

        Eventually.await(
                "frequency 2m in the API",
                LIVE_WITHIN,
                () -> api.get(object(service)).status() == 200
                        && "2m"
                                .equals(effective(api.get(object(service)).json(), "frequency")
                                        .getString("value")));
    }

    @Test
    void rowDeletedBySqlDisappearsFromTheApi() throws SQLException {
        insertGroupHostAndPing();
        String host = "Top:" + group + ":gw.example.com";
        String service = host + ":Ping_gw.example.com";
        Eventually.await(
                service + " visible in the API",
                LIVE_WITHIN,
                () -> api.get(object(service)).status() == 200);

        change(
                "delete from argus.object where id = (select id from argus.object_full_name where full_name = ?)",
                service);

        Eventually.await(
                service + " gone from the API",
                LIVE_WITHIN,
                () -> api.get(object(service)).status() == 404);
        assertEquals(List.of(), api.get(object(host) + "/children").array(), "the host has no children left");
    }

    @Test
    void unusableRowIsReportedWhileTheRestIsServedUntilFixed() throws SQLException {
        insertGroupHostAndPing();
        String host = "Top:" + group + ":gw.example.com";
        // the database only checks a type's spelling, not that Argus knows it
        change(
                "insert into argus.object (parent_id, kind, name, type)"
                        + " select id, 'Service', 'Bogus_gw', 'Bogus/Thing' from argus.object_full_name where full_name = ?",
                host);
        String bogus = host + ":Bogus_gw";

        Eventually.await("a problem with the type of " + bogus, LIVE_WITHIN, () -> hasTypeProblem(bogus));
        assertEquals(200, api.get(object(host + ":Ping_gw.example.com")).status(), "its sibling is still served");
        assertEquals(200, api.get(object(host)).status());
        assertEquals(200, api.get("api/tree?root=Top&depth=1").status());

        change(
                "update argus.object set type = 'Ping'"
                        + " where id = (select id from argus.object_full_name where full_name = ?)",
                bogus);

        Eventually.await("the problem with " + bogus + " gone", LIVE_WITHIN, () -> !hasTypeProblem(bogus));
        assertEquals("Ping", api.get(object(bogus)).json().getString("type"));
    }

    private boolean hasTypeProblem(String fullName) {
        Api.Reply reply = api.get("api/config/problems");
        assertEquals(200, reply.status(), reply.toString());
        return reply.array().getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> fullName.equals(p.getString("object"))
                        && "type".equals(p.getString("field"))
                        && !p.getString("message").isBlank());
    }

    /** The README's own example, under a group of this test. */
    private void insertGroupHostAndPing() throws SQLException {
        String top = "Top:" + group;
        change(
                "insert into argus.object (parent_id, kind, name)"
                        + " select id, 'Group', ? from argus.object where kind = 'Top'",
                group);
        change(
                "insert into argus.object (parent_id, kind, name)"
                        + " select id, 'Host', 'gw.example.com' from argus.object_full_name where full_name = ?",
                top);
        change(
                "insert into argus.object (parent_id, kind, name, type)"
                        + " select id, 'Service', 'Ping_gw.example.com', 'Ping'"
                        + " from argus.object_full_name where full_name = ?",
                top + ":gw.example.com");
        change(
                "insert into argus.param (object_id, key, value)"
                        + " select id, 'frequency', '30s' from argus.object_full_name where full_name = ?",
                top);
    }

    /** Runs one statement that must change exactly one row. */
    private void change(String statement, String parameter) throws SQLException {
        assertEquals(1, sql(statement, parameter), statement + " with " + parameter);
    }

    private int sql(String statement, String parameter) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(statement)) {
            s.setString(1, parameter);
            return s.executeUpdate();
        }
    }

    private static JsonObject effective(JsonObject view, String key) {
        return view.getJsonArray("effectiveParameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> key.equals(p.getString("key")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no effective " + key + " in " + view));
    }
}
