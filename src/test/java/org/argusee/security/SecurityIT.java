package org.argusee.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.argusee.platform.control.Roles;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Endpoints;
import org.argusee.testsupport.Endpoints.Endpoint;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, checked against every endpoint the application declares (found by reflection, so a new
 * endpoint is covered the day it is written), and how users and their passwords are kept.
 */
class SecurityIT extends DeployedServer {

    private final List<Endpoint> endpoints = Endpoints.all();

    Api admin;
    final List<String> createdUsers = new ArrayList<>();

    @BeforeEach
    void asAdmin() {
        admin = Api.admin(base);
    }

    @AfterEach
    void removeCreatedUsers() {
        createdUsers.forEach(name -> admin.delete("api/users/" + name));
    }

    @Test
    void everyEndpointChallengesACallerWithoutCredentials() {
        Api anonymous = Api.anonymous(base);
        List<String> wrong = callEach(
                endpoints, anonymous, reply -> reply.status() == 401 && reply.header("WWW-Authenticate") != null);
        assertEquals(List.of(), wrong, "endpoints not answering 401 with a challenge to an anonymous caller");
    }

    @Test
    void everyEndpointRefusesAWrongPassword() {
        // a name per call that nobody has: the failures hold back no real user (PasswordCheck limits failures per
        // user name: the admin's wrong password, 46 times, would hold the admin back for the tests after this one)
        List<String> wrong = callEach(
                endpoints,
                () -> Api.anonymous(base).as("impostor_" + suffix(), "impostor-password"),
                reply -> reply.status() == 401 && reply.header("WWW-Authenticate") != null);
        assertEquals(List.of(), wrong, "endpoints not answering 401 to a wrong password");
    }

    @Test
    void readerIsForbiddenEveryEndpointNotMeantForReaders() {
        Api reader = newReader();
        List<Endpoint> notForReaders =
                endpoints.stream().filter(e -> !e.roles().contains(Roles.USER)).toList();
        assertFalse(notForReaders.isEmpty());
        List<String> wrong = callEach(notForReaders, reader, reply -> reply.status() == 403);
        assertEquals(List.of(), wrong, "endpoints not answering 403 to a user with only the role 'user'");
    }

    @Test
    void readerMayCallEveryReadMeantForReaders() {
        Api reader = newReader();
        List<Endpoint> reads = endpoints.stream()
                .filter(e -> e.httpMethod().equals("GET") && e.roles().contains(Roles.USER))
                .toList();
        assertTrue(reads.size() >= 8, reads.toString());
        List<String> wrong = callEach(reads, reader, reply -> reply.status() != 401 && reply.status() != 403);
        assertEquals(List.of(), wrong, "reads refused to a user with the role 'user'");
    }

    @Test
    void userWithoutAnyRoleIsForbiddenEverywhere() throws SQLException {
        String name = "norole_" + suffix();
        created(admin.post("api/users", user(name, "norole-password", Roles.USER)));
        // the API insists on at least one role, a person editing the tables need not
        try (Connection db = TestDatabase.connect();
                PreparedStatement s = db.prepareStatement(
                        "delete from argus.user_role where user_id = (select id from argus.app_user where username = ?)")) {
            s.setString(1, name);
            assertEquals(1, s.executeUpdate());
        }
        Api roleless = Api.anonymous(base).as(name, "norole-password");
        List<String> wrong = callEach(endpoints, roleless, reply -> reply.status() == 403);
        assertEquals(List.of(), wrong, "endpoints not answering 403 to a user with no role");
    }

    @Test
    void passwordsAreNeverReturned() {
        String name = "secretive_" + suffix();
        String password = "pw-" + UUID.randomUUID();
        Api.Reply create = admin.post("api/users", user(name, password, Roles.USER));
        created(create);
        Api.Reply update = admin.put("api/users/" + name, """
                {"fullName": "Changed Name"}""");
        Api.Reply list = admin.get("api/users");
        assertEquals(200, update.status(), update.toString());
        assertEquals(200, list.status(), list.toString());

        for (Api.Reply reply : List.of(create, update, list)) {
            assertFalse(reply.body().contains(password), "the password is in " + reply);
            assertFalse(reply.body().contains("PBKDF2"), "a password hash is in " + reply);
        }
        List<JsonObject> shown = new ArrayList<>(list.array().getValuesAs(JsonObject.class));
        shown.add(create.json());
        shown.add(update.json());
        for (JsonObject u : shown) {
            assertTrue(u.keySet().stream().noneMatch(k -> k.toLowerCase().contains("password")), u.toString());
        }
        assertTrue(shown.stream().anyMatch(u -> u.getString("username").equals(name)), list.toString());
    }

    @Test
    void storedPasswordIsAPbkdf2HashNotThePassword() throws SQLException {
        String name = "hashed_" + suffix();
        String password = "pw-" + UUID.randomUUID();
        created(admin.post("api/users", user(name, password, Roles.USER)));

        String hash = storedHash(name);
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"), hash);
        assertFalse(hash.contains(password), hash);
        assertEquals(
                200,
                Api.anonymous(base).as(name, password).get("api/users/me").status(),
                "the user logs in with the password the hash was made from");
    }

    @Test
    void meNamesTheCallerAndTheirRoles() {
        String name = "me_" + suffix();
        Api caller = newUser(name, Roles.USER, Roles.STAFF);

        JsonObject me = ok(caller.get("api/users/me"));
        assertEquals(name, me.getString("username"));
        assertEquals(List.of(Roles.STAFF, Roles.USER), roles(me));

        JsonObject adminMe = ok(admin.get("api/users/me"));
        assertEquals(Api.ADMIN, adminMe.getString("username"));
        assertEquals(List.of(Roles.ADMIN), roles(adminMe));
    }

    @Test
    void lastEnabledAdminCannotBeDeletedOrDemoted() throws SQLException {
        // other tests may leave admins of their own; while this test runs the bootstrap admin is the only one
        List<String> others = enabledAdminsOtherThan(Api.ADMIN);
        setEnabled(others, false);
        try {
            conflict(admin.delete("api/users/" + Api.ADMIN));
            conflict(admin.put("api/users/" + Api.ADMIN, """
                    {"roles": ["user"]}"""));
            conflict(admin.put("api/users/" + Api.ADMIN, """
                    {"enabled": false}"""));
        } finally {
            setEnabled(others, true);
        }
        JsonObject me = ok(admin.get("api/users/me"));
        assertEquals(List.of(Roles.ADMIN), roles(me), "still an admin after the refusals");
    }

    @Test
    void adminWhoIsNotTheLastCanBeDemotedAndDeleted() {
        String name = "second_admin_" + suffix();
        newUser(name, Roles.ADMIN);

        JsonObject demoted = ok(admin.put("api/users/" + name, """
                {"roles": ["user"]}"""));
        assertEquals(
                List.of(Roles.USER),
                demoted.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        assertEquals(204, admin.delete("api/users/" + name).status());
        assertEquals(404, admin.delete("api/users/" + name).status());
    }

    /** Calls each endpoint once (POST and PUT with a body of the type it reads); returns those answering wrongly. */
    private static List<String> callEach(List<Endpoint> which, Api api, Predicate<Api.Reply> acceptable) {
        return callEach(which, () -> api, acceptable);
    }

    private static List<String> callEach(List<Endpoint> which, Supplier<Api> caller, Predicate<Api.Reply> acceptable) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : which) {
            Api api = caller.get();
            String body = !e.httpMethod().equals("POST") && !e.httpMethod().equals("PUT")
                    ? null
                    : e.consumes().equals("application/json") ? "{}" : "";
            Api.Reply reply = api.send(e.httpMethod(), e.samplePath(), body, e.consumes());
            if (!acceptable.test(reply)) {
                wrong.add(e.httpMethod() + " " + e.samplePath() + " -> " + reply.status() + " WWW-Authenticate="
                        + reply.header("WWW-Authenticate"));
            }
        }
        return wrong;
    }

    private Api newReader() {
        return newUser("reader_" + suffix(), Roles.USER);
    }

    private Api newUser(String name, String... roles) {
        String password = "pw-" + suffix() + "-long";
        created(admin.post("api/users", user(name, password, roles)));
        return Api.anonymous(base).as(name, password);
    }

    private String user(String name, String password, String... roles) {
        createdUsers.add(name);
        return """
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(name, password, String.join("\", \"", roles));
    }

    private static void created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        assertNotNull(reply.header("Location"));
    }

    private static JsonObject ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static void conflict(Api.Reply reply) {
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
    }

    private static List<String> roles(JsonObject me) {
        return me.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .sorted()
                .toList();
    }

    private static String storedHash(String name) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement s =
                        db.prepareStatement("select password_hash from argus.app_user where username = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for " + name);
                return rs.getString(1);
            }
        }
    }

    private static List<String> enabledAdminsOtherThan(String name) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
                PreparedStatement s = db.prepareStatement(
                        "select u.username from argus.app_user u join argus.user_role r on r.user_id = u.id"
                                + " where r.role = 'admin' and u.enabled and u.username <> ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void setEnabled(List<String> names, boolean enabled) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement s = db.prepareStatement("update argus.app_user set enabled = ? where username = ?")) {
            for (String name : names) {
                s.setBoolean(1, enabled);
                s.setString(2, name);
                s.executeUpdate();
            }
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
