package org.argusee.platform;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DatabaseFingerprint;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every writing endpoint that takes a body, fed what a careless client or a typo sends: each is refused with a
 * problem-details answer saying what is wrong, and the database is exactly as it was before (the revision
 * counter and every configuration and user row).
 */
class MalformedInputIT extends DeployedServer {

    Api api;
    String group;
    String user;
    String peer;

    /** One call of a writing endpoint, on this test's own objects. */
    record Call(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void fixtureOfItsOwn() {
        api = Api.admin(base);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "Top:bad_" + suffix;
        user = "bad_" + suffix;
        peer = "bad-" + suffix;
        created(api.post(object("Top") + "/children", """
                {"kind": "Group", "name": "bad_%s", "parameters": [{"key": "frequency", "value": "30s"}]}""".formatted(suffix)));
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "a"}"""));
        created(api.post(object(group + ":a") + "/children", """
                {"kind": "Group", "name": "b"}"""));
        created(api.post(object(group + ":a") + "/children", """
                {"kind": "Group", "name": "dup"}"""));
        created(api.post(object(group) + "/children", """
                {"kind": "Group", "name": "dup"}"""));
        created(api.post(object(group) + "/children", """
                {"kind": "Host", "name": "h"}"""));
        created(api.post(object(group + ":h") + "/children", """
                {"kind": "Service", "type": "Ping", "name": "ping"}"""));
        created(api.post("api/users", """
                {"username": "%s", "password": "fixture-password", "roles": ["user"]}""".formatted(user)));
        // a master, not a slave: a slave peer would turn this server into a DARP master while the test runs
        created(api.post("api/darp/peers", """
                {"tag": "%s", "role": "master", "secret": "fixture-secret"}""".formatted(peer)));
    }

    @AfterEach
    void removeFixture() {
        api.delete(object(group) + "?recursive=true");
        api.delete("api/users/" + user);
        api.delete("api/darp/peers/" + peer);
    }

    /** Each writing endpoint that reads a JSON object from the body. */
    private List<Call> writingCalls() {
        return List.of(
                new Call("POST", object(group) + "/children"),
                new Call("PUT", object(group + ":a")),
                new Call("POST", object(group + ":a") + "/move"),
                new Call("PUT", object(group) + "/parameters/frequency"),
                new Call("POST", "api/users"),
                new Call("PUT", "api/users/" + user),
                new Call("POST", "api/darp/peers"),
                new Call("PUT", "api/darp/peers/" + peer),
                new Call("PUT", "api/darp/peers/" + peer + "/secret"));
    }

    @Test
    void malformedJsonIsRefusedEverywhere() throws SQLException {
        for (Call call : writingCalls()) {
            refused(call, "{\"name\": \"x\", ", 400, null);
        }
    }

    @Test
    void jsonArrayInsteadOfAnObjectIsRefusedEverywhere() throws SQLException {
        for (Call call : writingCalls()) {
            refused(call, "[{\"name\": \"x\"}]", 400, null);
        }
    }

    @Test
    void emptyBodyIsRefusedEverywhere() throws SQLException {
        for (Call call : writingCalls()) {
            refused(call, "", 400, null);
        }
    }

    @Test
    void wrongFieldTypesAreRefusedNamingTheField() throws SQLException {
        List<Call> calls = writingCalls();
        refused(calls.get(0), """
                {"kind": "Group", "name": "typed", "position": "first"}""", 400, "position");
        refused(calls.get(1), """
                {"parameters": "frequency: 10s"}""", 400, "parameters");
        refused(calls.get(2), """
                {"parent": "%s", "position": "last"}""".formatted(group), 400, "position");
        refused(calls.get(3), """
                {"value": ["10s"]}""", 400, "value");
        refused(calls.get(4), """
                {"username": "%s_2", "password": "long-enough", "roles": "admin"}""".formatted(user), 400, "roles");
        refused(calls.get(5), """
                {"roles": 3}""", 400, "roles");
        refused(calls.get(6), """
                {"tag": "%s-2", "role": "slave", "timeoutSeconds": "soon"}""".formatted(peer), 400, "timeoutSeconds");
        refused(calls.get(7), """
                {"timeoutSeconds": "soon"}""", 400, "timeoutSeconds");
        refused(calls.get(8), """
                {"secret": ["long-enough-secret"]}""", 400, "secret");
    }

    /** Values a lenient JSON reader would quietly turn into something else ("yes" into false, 1.5 into 1). */
    @Test
    void valuesOfTheWrongTypeAreNotCoerced() throws SQLException {
        refused(new Call("PUT", object(group) + "/parameters/frequency"), """
                {"value": "10s", "local": "perhaps"}""", 400, "local");
        refused(new Call("PUT", "api/users/" + user), """
                {"enabled": "yes"}""", 400, "enabled");
        refused(new Call("POST", object(group + ":a") + "/move"), """
                {"parent": "%s:h", "position": 1.5}""".formatted(group), 400, "position");
        refused(new Call("PUT", object(group + ":a")), """
                {"name": 42}""", 400, "name");
        refused(new Call("POST", object(group) + "/children"), """
                {"kind": "Group", "name": "p", "parameters": [{"key": "frequency", "value": 30}]}""", 400, "parameters[0].value");
        refused(new Call("PUT", "api/darp/peers/" + peer + "/secret"), """
                {"secret": 1234567890}""", 400, "secret");
    }

    @Test
    void unknownKindsTypesAndRolesAreRefused() throws SQLException {
        refused(new Call("POST", object(group) + "/children"), """
                {"kind": "Widget", "name": "w"}""", 400, "kind");
        refused(new Call("POST", object(group + ":h") + "/children"), """
                {"kind": "Service", "type": "Bogus/Thing", "name": "bogus"}""", 400, "type");
        refused(new Call("PUT", object(group + ":h:ping")), """
                {"type": "Bogus/Thing"}""", 400, "type");
        refused(new Call("POST", "api/users"), """
                {"username": "%s_2", "password": "long-enough", "roles": ["root"]}""".formatted(user), 400, "roles");
        refused(new Call("PUT", "api/users/" + user), """
                {"roles": ["root"]}""", 400, "roles");
        refused(new Call("POST", "api/darp/peers"), """
                {"tag": "%s-2", "role": "boss"}""".formatted(peer), 400, "role");
        refused(new Call("PUT", "api/darp/peers/" + peer), """
                {"role": "boss"}""", 400, "role");
    }

    @Test
    void overLongValuesAreRefusedNamingTheField() throws SQLException {
        String name201 = "n".repeat(201);
        refused(new Call("POST", object(group) + "/children"), """
                {"kind": "Group", "name": "%s"}""".formatted(name201), 400, "name");
        refused(new Call("PUT", object(group + ":a")), """
                {"name": "%s"}""".formatted(name201), 400, "name");
        refused(
                new Call("PUT", object(group) + "/parameters/frequency"),
                """
                {"value": "%s"}""".formatted("9".repeat(10_001)),
                400,
                "parameters.frequency");
        refused(new Call("POST", "api/users"), """
                {"username": "%s", "password": "long-enough", "roles": ["user"]}""".formatted("u".repeat(65)), 400, "username");
        refused(new Call("PUT", "api/users/" + user), """
                {"password": "%s"}""".formatted("p".repeat(1001)), 400, "password");
        refused(new Call("POST", "api/darp/peers"), """
                {"tag": "%s", "role": "slave"}""".formatted("t".repeat(65)), 400, "tag");
        refused(new Call("PUT", "api/darp/peers/" + peer), """
                {"label": "%s"}""".formatted("l".repeat(201)), 400, "label");
        refused(new Call("PUT", "api/darp/peers/" + peer + "/secret"), """
                {"secret": "%s"}""".formatted("s".repeat(1001)), 400, "secret");
    }

    @Test
    void badParameterValueIsRefusedNamingTheParameter() throws SQLException {
        refused(new Call("PUT", object(group) + "/parameters/frequency"), """
                {"value": "10x"}""", 400, "parameters.frequency");
        refused(new Call("POST", object(group) + "/children"), """
                {"kind": "Group", "name": "freq", "parameters": [{"key": "frequency", "value": "10x"}]}""", 400, "parameters.frequency");
        refused(new Call("PUT", object(group + ":a")), """
                {"parameters": [{"key": "frequency", "value": "10x"}]}""", 400, "parameters.frequency");
    }

    @Test
    void duplicateNamesAreConflicts() throws SQLException {
        refused(new Call("POST", object(group) + "/children"), """
                {"kind": "Group", "name": "dup"}""", 409, "name");
        refused(new Call("PUT", object(group + ":a")), """
                {"name": "dup"}""", 409, "name");
        refused(new Call("POST", object(group + ":a:dup") + "/move"), """
                {"parent": "%s"}""".formatted(group), 409, "name");
        refused(new Call("POST", "api/users"), """
                {"username": "%s", "password": "long-enough", "roles": ["user"]}""".formatted(user), 409, "username");
        refused(new Call("POST", "api/darp/peers"), """
                {"tag": "%s", "role": "master"}""".formatted(peer), 409, "tag");
    }

    @Test
    void moveCreatingACycleIsAConflict() throws SQLException {
        refused(new Call("POST", object(group + ":a") + "/move"), """
                {"parent": "%s:a:b"}""".formatted(group), 409, "parent");
        refused(new Call("POST", object(group + ":a") + "/move"), """
                {"parent": "%s:a"}""".formatted(group), 409, "parent");
    }

    @Test
    void unknownObjectsPeersAndUsersAreNotFound() throws SQLException {
        refused(new Call("POST", object(group + ":nothing") + "/children"), """
                {"kind": "Group", "name": "x"}""", 404, "parent");
        refused(new Call("POST", object(group + ":a") + "/move"), """
                {"parent": "%s:nothing"}""".formatted(group), 404, "parent");
        refused(new Call("PUT", object(group + ":nothing") + "/parameters/frequency"), """
                {"value": "10s"}""", 404, "fullName");
        refused(new Call("PUT", "api/users/" + user + "_nobody"), """
                {"fullName": "x"}""", 404, "username");
        refused(new Call("PUT", "api/darp/peers/" + peer + "-nobody"), """
                {"label": "x"}""", 404, "tag");
        refused(new Call("PUT", "api/darp/peers/" + peer + "-nobody/secret"), """
                {"secret": "long-enough-secret"}""", 404, "tag");
    }

    /**
     * Sends the call and checks the refusal: the status, problem details with a detail and (if {@code field} is
     * given) an error naming it, and a database that did not move.
     */
    /** Found by issue 15's fuzzing run: a query value of the wrong type answered 404, as if nothing were there. */
    @Test
    void aQueryValueOfTheWrongTypeIsABadRequestNamingTheParameter() throws SQLException {
        refused(new Call("GET", "api/status?limit=abc"), "", 400, "limit");
        refused(new Call("GET", "api/notifications?offset=99999999999"), "", 400, "offset");
    }

    /** Found by issue 15's fuzzing run: a NUL in a name reached PostgreSQL, which refused it, and the caller got 500. */
    @Test
    void aNulCharacterInANameIsABadRequest() throws SQLException {
        refused(new Call("DELETE", "api/users/a%00b"), "", 400, "username");
        refused(new Call("DELETE", "api/darp/peers/a%00b"), "", 400, "tag");
        refused(new Call("GET", "api/darp/peers/a%00b"), "", 400, "tag");
        refused(new Call("DELETE", "api/notify/methods/a%00b"), "", 400, "name");
        refused(new Call("GET", "api/status?limit=1&x=%00"), "", 400, "x");
    }

    private void refused(Call call, String body, int status, String field) throws SQLException {
        Map<String, String> before = databaseState();
        Api.Reply reply = api.send(call.method(), call.path(), body);
        String what = call + " " + abbreviated(body) + " -> " + reply;

        assertEquals(status, reply.status(), what);
        String type = reply.header("Content-Type");
        assertNotNull(type, what);
        assertTrue(type.startsWith("application/problem+json"), "Content-Type " + type + ": " + what);
        JsonObject problem = reply.json();
        assertFalse(problem.getString("detail", "").isBlank(), "no detail: " + what);
        assertEquals(status, problem.getInt("status"), what);
        if (field != null) {
            boolean named = problem.containsKey("errors")
                    && problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                            .anyMatch(e -> field.equals(e.getString("field")));
            assertTrue(named, "no error naming " + field + ": " + what);
        }
        assertEquals(before, databaseState(), "the database changed after " + what);
    }

    private static Map<String, String> databaseState() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            return DatabaseFingerprint.of(db);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 120 ? body : body.substring(0, 120) + "...";
    }

    private static void created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
    }
}
