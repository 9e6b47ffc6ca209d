package org.argusee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API under the admin's peers and users pages (docs/design/82-web-admin.md): a peer's version in If-Match, a
 * user's own password, a disabled user's open session, the admin-only rule, and the live "peers" push.
 */
class AdminOpsApiIT extends DeployedServer {

    static final String PASSWORD = "ops-password-1";
    static final String SECRET = "ops-peer-secret-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    Api admin;
    String tag;
    final List<String> users = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = Api.admin(base);
        tag = "ops" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        admin.delete("api/darp/peers/" + tag);
        users.forEach(u -> admin.delete("api/users/" + u));
    }

    @Test
    void aSaveOfAStalePeerIsRefusedAndNothingOfItIsApplied() {
        createPeer();
        HttpResponse<String> read = withIfMatch("GET", "api/darp/peers/" + tag, null, null);
        String first = read.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + read));
        assertEquals(first, "\"" + Browser.json(read).getString("updatedAt") + "\"", "the ETag is updatedAt");

        HttpResponse<String> mine = withIfMatch("PUT", "api/darp/peers/" + tag, """
                {"label": "first admin"}""", first);
        assertEquals(200, mine.statusCode(), mine.body());
        String second = mine.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(first, second);

        HttpResponse<String> theirs = withIfMatch("PUT", "api/darp/peers/" + tag, """
                {"label": "second admin"}""", first);
        assertEquals(412, theirs.statusCode(), theirs.body());
        assertTrue(theirs.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = Browser.json(theirs);
        assertEquals(
                "updatedAt", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(problem.getString("detail").contains("changed by someone else"), problem.toString());
        assertEquals("first admin", admin.get("api/darp/peers/" + tag).json().getString("label"));

        assertEquals(
                412,
                withIfMatch("PUT", "api/darp/peers/" + tag + "/secret", """
                {"secret": "another-secret-2"}""", first)
                        .statusCode(),
                "a stale rotation");
        assertEquals(
                412, withIfMatch("DELETE", "api/darp/peers/" + tag, null, first).statusCode(), "a stale delete");
        HttpResponse<String> rotated = withIfMatch("PUT", "api/darp/peers/" + tag + "/secret", """
                {"secret": "another-secret-2"}""", second);
        assertEquals(204, rotated.statusCode(), rotated.body());
        String third = rotated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(second, third, "a new secret is a new version");
        assertEquals(
                400,
                withIfMatch("PUT", "api/darp/peers/" + tag, "{}", "\"yesterday\"")
                        .statusCode(),
                "an If-Match that is no version");
        assertEquals(
                204, withIfMatch("DELETE", "api/darp/peers/" + tag, null, third).statusCode());
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheOldOne() {
        String name = user("user");
        Api me = Api.anonymous(base).as(name, PASSWORD);
        Api.Reply wrong = me.put("api/users/me/password", """
                {"oldPassword": "not-it-at-all", "newPassword": "ops-password-2"}""");
        assertEquals(400, wrong.status(), wrong.toString());
        assertEquals(
                "oldPassword",
                wrong.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply weak = me.put("api/users/me/password", """
                {"oldPassword": "%s", "newPassword": "short"}""".formatted(PASSWORD));
        assertEquals(400, weak.status(), weak.toString());
        assertEquals(
                "newPassword",
                weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                204, me.put("api/users/me/password", """
                {"oldPassword": "%s", "newPassword": "ops-password-2"}""".formatted(PASSWORD)).status());
        assertEquals(401, me.get("api/users/me").status(), "the old password no longer works");
        Api.Reply now = Api.anonymous(base).as(name, "ops-password-2").get("api/users/me");
        assertEquals(200, now.status(), now.toString());
        assertEquals(name, now.json().getString("username"));
    }

    @Test
    void aDisabledUsersOpenSessionEndsAtItsNextRequest() {
        String name = user("staff");
        Browser browser = new Browser(base);
        browser.login(name, PASSWORD);
        assertEquals(200, browser.get("api/session").statusCode());
        assertEquals(200, admin.put("api/users/" + name, """
                {"enabled": false}""").status());
        assertEquals(401, browser.get("api/session").statusCode(), "the open session ends");
        assertEquals(
                401, Api.anonymous(base).as(name, PASSWORD).get("api/users/me").status(), "no Basic");
        Browser again = new Browser(base);
        HttpResponse<String> login = again.login(name, PASSWORD);
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/login.html?error=1"), "no form login");
    }

    @Test
    void aChangedRoleAppliesToAnOpenSessionAtItsNextRequest() {
        String name = user("admin");
        Browser browser = new Browser(base);
        browser.login(name, PASSWORD);
        assertEquals(200, browser.get("api/users").statusCode());
        assertEquals(200, admin.put("api/users/" + name, """
                {"roles": ["user"]}""").status());
        assertEquals(403, browser.get("api/users").statusCode());
        assertEquals(200, browser.get("api/session").statusCode(), "still logged in");
    }

    @Test
    void twoCreatesOfOneUserNameAtOnceAreOneUserAndA409() throws Exception {
        String name = "ops_twice_" + UUID.randomUUID().toString().substring(0, 8);
        users.add(name);
        String body = """
                {"username": "%s", "roles": ["user"], "password": "%s"}""".formatted(name, PASSWORD);
        // both pass the look-up before either inserts (the hash takes a while): the database's unique key decided
        // with a 500 for the loser; then with a 409 after Hibernate's ERROR in the log
        long logged = java.nio.file.Files.size(LiveIT.SERVER_LOG);
        List<java.util.concurrent.CompletableFuture<Api.Reply>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> admin.post("api/users", body)));
        }
        List<Integer> codes = new ArrayList<>();
        for (var answer : answers) {
            codes.add(answer.get().status());
        }
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(2, codes.stream().filter(c -> c == 409).count(), codes.toString());
        String since = LiveIT.serverLogFrom(logged);
        assertFalse(
                since.contains("duplicate key") || since.contains("23505"),
                "the race is a 409, no ERROR in the log:\n" + since);
    }

    @Test
    void aUserGets403FromTheAdminApis() {
        createPeer();
        Api reader = Api.anonymous(base).as(user("user"), PASSWORD);
        assertEquals(403, reader.get("api/users").status());
        assertEquals(403, reader.post("api/users", """
                {"username": "x_%s", "password": "whatever-1", "roles": ["admin"]}""".formatted(tag)).status());
        assertEquals(403, reader.put("api/darp/peers/" + tag + "/secret", """
                {"secret": "taken-over-1"}""").status());
        assertEquals(403, reader.delete("api/darp/peers/" + tag).status());
    }

    @Test
    void eachConnectionNamesTheDarpWatchServicesThatWatchIt() {
        createPeer();
        String group = "Top:" + tag;
        assertEquals(
                201,
                admin.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(tag)).status());
        try {
            assertEquals(201, admin.post(Api.object(group) + "/children", """
                    {"kind": "Host", "name": "127.0.0.1"}""").status());
            Api.Reply watch = admin.post(Api.object(group + ":127.0.0.1") + "/children", """
                    {"kind": "Service", "type": "DARP/Watch/%s"}""".formatted(tag));
            assertEquals(201, watch.status(), watch.toString());
            String watcher = watch.json().getString("fullName");
            JsonObject link = admin.get("api/darp/connections").array().stream()
                    .map(v -> v.asJsonObject())
                    .filter(c -> c.getString("tag").equals(tag))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no connection row for " + tag));
            assertEquals("never", link.getString("state"));
            JsonObject seen = link.getJsonArray("watches").getJsonObject(0);
            assertEquals(watcher, seen.getString("fullName"));
            assertNotNull(seen.getString("displayStatus"));
        } finally {
            admin.delete(Api.object(group) + "?recursive=true");
        }
    }

    @Test
    void anAdminsLiveSocketHearsOfPeerChanges() {
        Browser browser = new Browser(base);
        browser.login(Api.ADMIN, Api.ADMIN_PASSWORD);
        try (LiveClient live = LiveClient.open(browser)) {
            live.hello();
            createPeer();
            JsonObject pushed =
                    live.await("a peers push", Duration.ofSeconds(10), m -> "peers".equals(m.getString("type", "")));
            assertNotNull(pushed.getJsonNumber("seq"));
        }
    }

    private void createPeer() {
        Api.Reply created = admin.post("api/darp/peers", """
                {"tag": "%s", "role": "slave", "allowedAddresses": ["127.0.0.1"], "secret": "%s"}""".formatted(tag, SECRET));
        assertEquals(201, created.status(), created.toString());
    }

    private String user(String role) {
        String name = "ops_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply r = admin.post("api/users", """
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(name, PASSWORD, role));
        assertEquals(201, r.status(), r.toString());
        users.add(name);
        return name;
    }

    /** As the admin over Basic, with If-Match when given (Api sends no extra headers). */
    private HttpResponse<String> withIfMatch(String method, String path, String json, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
