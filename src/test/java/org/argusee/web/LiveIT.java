package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.argusee.status.TestListener;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.DeployedServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live socket against real probes of real listeners on loopback: a change reaches an open socket, a socket
 * that comes back resumes from its last number, logout closes it, and acl_user keeps a group out of a user's
 * lists, counts, searches and pushes.
 */
class LiveIT extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(20);
    static final String PASSWORD = "live-password-1";
    static final Path SERVER_LOG =
            Path.of(System.getProperty("jboss.home", "target/server"), "standalone", "log", "server.log");

    Api admin;
    String group;
    final List<String> users = new ArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = Api.admin(base);
        group = "Top:live_" + UUID.randomUUID().toString().substring(0, 8);
        group(group, "");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        admin.delete(object(group) + "?recursive=true");
        users.forEach(u -> admin.delete("api/users/" + u));
    }

    @Test
    void aStatusChangeReachesAnOpenSocket() {
        TestListener listener = listener();
        String service = service(group, listener);
        awaitShown(service, "up");
        LiveClient live = live(login("user"));
        live.hello();

        listener.close();
        JsonObject down = live.awaitStatus(service, "down", WITHIN);
        JsonObject row = down.getJsonObject("row");
        assertEquals("Service", row.getString("kind"));
        assertEquals("TCP", row.getString("type"));
        assertEquals("critical", row.getString("severity"));
        assertTrue(down.getJsonNumber("seq").longValue()
                > live.hello().getJsonNumber("seq").longValue());
        JsonObject groupRow = live.awaitStatus(group, "down", WITHIN).getJsonObject("row");
        assertEquals(1, groupRow.getJsonObject("counts").getInt("down"), groupRow.toString());
    }

    @Test
    void aSocketThatComesBackResumesFromItsLastNumber() {
        TestListener listener = listener();
        String service = service(group, listener);
        awaitShown(service, "up");
        Browser browser = login("user");
        LiveClient first = live(browser);
        JsonObject hello = first.hello();
        first.close();

        listener.healthy(false);
        awaitShown(service, "down");
        LiveClient second = live(browser);
        second.hello();
        second.send("{\"type\":\"resume\",\"seq\":%d,\"epoch\":\"%s\"}"
                .formatted(hello.getJsonNumber("seq").longValue(), hello.getString("epoch")));
        JsonObject missed = second.awaitStatus(service, "down", WITHIN);
        assertTrue(missed.getJsonNumber("seq").longValue()
                > hello.getJsonNumber("seq").longValue());

        second.send("{\"type\":\"resume\",\"seq\":1,\"epoch\":\"another-run\"}");
        second.await("resync for numbers of another run", WITHIN, m -> m.getString("type")
                .equals("resync"));
    }

    @Test
    void logoutClosesTheSocketAndASocketWithoutLoginIsRefused() throws IOException {
        Browser browser = login("user");
        LiveClient live = live(browser);
        LiveClient second = live(browser);
        live.hello();
        second.hello();
        long logged = Files.size(SERVER_LOG);
        assertEquals(
                303,
                browser.send("POST", "auth/logout", null, browser.csrfToken(), null)
                        .statusCode());
        assertEquals(1008, live.closeCode());
        assertEquals(1008, second.closeCode());
        String since = serverLogFrom(logged);
        // Undertow's own session listener closes the sockets; closing them as well from ours broke its loop
        assertFalse(
                since.contains("UT015005") || since.contains("ConcurrentModificationException"),
                "server.log after the logout:\n" + since);

        LiveClient anonymous = live(new Browser(base));
        assertEquals(1008, anonymous.closeCode());
        assertTrue(anonymous.messages().isEmpty(), anonymous.messages().toString());
    }

    @Test
    void aclUserHidesAGroupFromListsCountsSearchesAndPushes() {
        String hidden = group + ":secret_servers";
        group(hidden, "{\"key\": \"acl_user\", \"value\": \"-ALL staff root\"}");
        TestListener listener = listener();
        String service = service(hidden, listener);
        awaitShown(service, "up");

        Browser user = login("user");
        Browser staff = login("staff");
        JsonObject forUser = Browser.json(user.get("api/dashboard/children?parent=" + Api.encode(group)));
        assertEquals(List.of(), names(forUser), "the user sees nothing in " + group);
        assertEquals(
                List.of(hidden), names(Browser.json(staff.get("api/dashboard/children?parent=" + Api.encode(group)))));
        assertEquals(
                404,
                user.get("api/dashboard/children?parent=" + Api.encode(hidden)).statusCode());
        assertEquals(List.of(), names(Browser.json(user.get("api/dashboard/children?q=secret_servers"))));
        JsonObject summary = Browser.json(user.get("api/dashboard/summary"));
        JsonObject groupForUser = Browser.json(user.get("api/dashboard/children?q=" + group.substring(4)))
                .getJsonArray("children")
                .getJsonObject(0);
        assertEquals(0, groupForUser.getJsonObject("counts").getInt("up"), "no trace in the counts");
        assertFalse(groupForUser.getBoolean("hasChildren"));
        assertTrue(summary.getJsonObject("counts").containsKey("up"));

        Api userApi = Api.anonymous(base).as(userName(user), PASSWORD);
        assertEquals(404, userApi.get("api/status/" + Api.encode(service)).status(), "the REST API hides it too");
        assertEquals(404, userApi.get(object(hidden)).status());
        assertFalse(userApi.get(object(group)).body().contains("secret_servers"));
        assertFalse(userApi.get("api/status/" + Api.encode(group) + "/children")
                .body()
                .contains("secret_servers"));
        assertTrue(admin.get(object(group)).body().contains("secret_servers"));
        assertEquals(
                0,
                userApi.get("api/status/" + Api.encode(group))
                        .json()
                        .getJsonObject("counts")
                        .getInt("up", 0),
                "the group's counts leave the hidden service out");
        assertEquals(
                1,
                admin.get("api/status/" + Api.encode(group))
                        .json()
                        .getJsonObject("counts")
                        .getInt("up", 0));

        LiveClient userLive = live(user);
        LiveClient staffLive = live(staff);
        userLive.hello();
        staffLive.hello();
        listener.close();
        staffLive.awaitStatus(service, "down", WITHIN);
        staffLive.awaitStatus(hidden, "down", WITHIN);
        staffLive.awaitStatus(group, "down", WITHIN);
        Eventually.holds(
                "the user gets no push about the hidden group, nor about the group above it",
                Duration.ofSeconds(1),
                () -> userLive.messages().stream().noneMatch(m -> m.toString().contains(group)));
        JsonObject groupStatus = userApi.get("api/status/" + Api.encode(group)).json();
        assertEquals("up", groupStatus.getString("displayStatus"), "its only child is hidden: " + groupStatus);
        assertTrue(
                !groupStatus.containsKey("reason") || groupStatus.isNull("reason"), "no '1 of 1 down': " + groupStatus);
        assertFalse(
                userApi.get("api/status?limit=1000").body().contains("\"" + group + "\""),
                "not a problem for the user");
        assertEquals("down", admin.get("api/status/" + Api.encode(group)).json().getString("displayStatus"));

        // the group's own history tells of the hidden outage: withheld from the user, there for the administrator
        String transitions = "api/status/" + Api.encode(group) + "/transitions";
        Eventually.await("the group's transition to down is logged", WITHIN, () -> admin.get(transitions)
                .body()
                .contains("\"to\":\"down\""));
        JsonObject userLog = userApi.get(transitions).json();
        assertTrue(userLog.getBoolean("withheld"), userLog.toString());
        assertEquals(0, userLog.getJsonArray("items").size(), userLog.toString());
        assertFalse(admin.get(transitions).json().getBoolean("withheld"));
        JsonObject userDays =
                userApi.get("api/status/" + Api.encode(group) + "/availability").json();
        assertTrue(userDays.getBoolean("withheld"), userDays.toString());
        assertFalse(userDays.toString().contains("\"timesDown\":1"), userDays.toString());
        assertFalse(admin.get("api/status/" + Api.encode(group) + "/availability")
                .json()
                .getBoolean("withheld"));
        assertFalse(
                userApi.get("api/status/" + Api.encode(service) + "/transitions")
                                .status()
                        == 200,
                "the hidden service's own log is not found at all");
    }

    @Test
    void aGroupsHistoryForAUserWhoSeesPartOfItIsBuiltFromThePartTheySee() {
        String open = group + ":open";
        String secret = group + ":secret";
        group(open, "");
        group(secret, "{\"key\": \"acl_user\", \"value\": \"-ALL staff root\"}");
        TestListener seen = listener();
        TestListener hidden = listener();
        String openService = service(open, seen);
        String secretService = service(secret, hidden);
        awaitShown(openService, "up");
        awaitShown(secretService, "up");
        hidden.close();
        awaitShown(group, "down");
        String transitions = "api/status/" + Api.encode(group) + "/transitions";
        Eventually.await("the group's transition to down is logged", WITHIN, () -> admin.get(transitions)
                .body()
                .contains("\"to\":\"down\""));

        Api userApi = Api.anonymous(base).as(userName(login("user")), PASSWORD);
        JsonObject log = userApi.get(transitions).json();
        assertTrue(log.getBoolean("withheld"), "marked partial: " + log);
        assertFalse(log.getJsonArray("items").isEmpty(), "built from what the user sees: " + log);
        assertTrue(log.toString().contains("\"to\":\"up\""), log.toString());
        assertFalse(log.toString().contains("down") || log.toString().contains("secret"), "no trace: " + log);
        JsonObject days =
                userApi.get("api/status/" + Api.encode(group) + "/availability").json();
        assertTrue(days.getBoolean("withheld"), days.toString());
        JsonObject today = days.getJsonArray("periods")
                .getJsonObject(days.getJsonArray("periods").size() - 1);
        assertEquals(0, today.getInt("timesDown"), days.toString());
        assertEquals(100.0, today.getJsonNumber("upPercent").doubleValue(), 1e-9, days.toString());
    }

    /** The server.log of the server the tests deploy to, from byte {@code from} on (its end if it was rotated). */
    static String serverLogFrom(long from) throws IOException {
        byte[] all = Files.readAllBytes(SERVER_LOG);
        int start = (int) Math.min(from, all.length);
        return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonObject children) {
        return children.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("fullName"))
                .toList();
    }

    private static String userName(Browser browser) {
        return Browser.json(browser.get("api/session")).getString("user");
    }

    private Browser login(String role) {
        String name = "live_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.post("api/users", """
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(name, PASSWORD, role)).status());
        users.add(name);
        Browser browser = new Browser(base);
        assertEquals(303, browser.login(name, PASSWORD).statusCode());
        return browser;
    }

    private LiveClient live(Browser browser) {
        LiveClient client = LiveClient.open(browser);
        closing.add(client);
        return client;
    }

    private TestListener listener() {
        TestListener l = new TestListener(true);
        closing.add(l);
        return l;
    }

    private void group(String fullName, String extraParameter) {
        int colon = fullName.lastIndexOf(':');
        String params = "{\"key\": \"frequency\", \"value\": \"1\"}, {\"key\": \"retries\", \"value\": \"0\"},"
                + " {\"key\": \"timeout\", \"value\": \"2\"}" + (extraParameter.isEmpty() ? "" : ", " + extraParameter);
        Api.Reply r = admin.post(object(fullName.substring(0, colon)) + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [%s]}""".formatted(
                        fullName.substring(colon + 1), params));
        assertEquals(201, r.status(), r.toString());
    }

    private String service(String parent, TestListener listener) {
        Api.Reply r = admin.post(object(parent) + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [{"key": "hostname", "value": "127.0.0.1"},
                  {"key": "port", "value": "%d"}, {"key": "expect", "value": "^OK"}]}""".formatted(listener.port()));
        assertEquals(201, r.status(), r.toString());
        return r.json().getString("fullName");
    }

    private void awaitShown(String fullName, String shown) {
        Eventually.await(
                fullName + " shows " + shown,
                WITHIN,
                () -> shown.equals(
                        admin.get("api/status/" + Api.encode(fullName)).json().getString("displayStatus")));
    }
}
