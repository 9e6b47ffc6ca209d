package org.argusee.web;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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

/** The dashboard's data against real probes: what is wrong first, a level at a time, filters on the server. */
class DashboardIT extends DeployedServer {

    static final Duration WITHIN = Duration.ofSeconds(20);

    Api admin;
    String group;
    final List<TestListener> listeners = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = Api.admin(base);
        group = "Top:dash_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.post(object("Top") + "/children", """
                {"kind": "Group", "name": "%s", "parameters": [{"key": "frequency", "value": "1"},
                  {"key": "retries", "value": "0"}, {"key": "timeout", "value": "2"},
                  {"key": "hostname", "value": "127.0.0.1"}]}""".formatted(group.substring(4)))
                        .status());
    }

    @AfterEach
    void tearDown() {
        admin.delete(object(group) + "?recursive=true");
        listeners.forEach(TestListener::close);
    }

    @Test
    void problemsComeWorstFirstAndFiltersRunOnTheServer() {
        String sick = service("sick", false, "major");
        String well = service("well", true, null);
        awaitShown(sick, "down");
        awaitShown(well, "up");

        JsonObject summary = admin.get("api/dashboard/summary?limit=1000").json();
        List<JsonObject> problems = summary.getJsonArray("problems").getValuesAs(JsonObject.class);
        List<String> names = problems.stream().map(r -> r.getString("fullName")).toList();
        assertTrue(names.contains(sick), names.toString());
        assertFalse(names.contains(well));
        JsonObject sickRow = problems.get(names.indexOf(sick));
        assertEquals("major", sickRow.getString("severity"));
        assertEquals("TCP", sickRow.getString("type"));
        for (int i = 1; i < problems.size(); i++) {
            assertTrue(rank(problems.get(i - 1)) <= rank(problems.get(i)), "worst first: " + names);
        }
        assertTrue(summary.getJsonObject("counts").getInt("down") >= 1);
        assertTrue(summary.getJsonNumber("seq").longValue() >= 0);

        JsonObject level =
                admin.get("api/dashboard/children?parent=" + Api.encode(group)).json();
        assertEquals(List.of(sick, well), fullNames(level));
        JsonObject top = admin.get("api/dashboard/children").json();
        JsonObject groupRow = top.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("fullName").equals(group))
                .findFirst()
                .orElseThrow();
        assertEquals(1, groupRow.getJsonObject("counts").getInt("down"));
        assertEquals(1, groupRow.getJsonObject("counts").getInt("up"));
        assertTrue(groupRow.getBoolean("hasChildren"));

        assertEquals(
                List.of(sick),
                fullNames(admin.get("api/dashboard/children?parent=" + Api.encode(group) + "&status=down,depends")
                        .json()));
        assertEquals(
                List.of(well),
                fullNames(admin.get("api/dashboard/children?q=WELL").json()).stream()
                        .filter(n -> n.startsWith(group))
                        .toList(),
                "a name search over the whole tree, any case");
        Api.Reply bad = admin.get("api/dashboard/children?status=sideways");
        assertEquals(400, bad.status());
        assertEquals("application/problem+json", bad.header("Content-Type"));
        assertEquals(
                404,
                admin.get("api/dashboard/children?parent=Top:no_such_group").status());
    }

    private static int rank(JsonObject row) {
        List<String> order =
                List.of("down:critical", "down:major", "down:minor", "down:warning", "depends", "override", "unknown");
        String key = row.getString("displayStatus").equals("down")
                ? "down:" + row.getString("severity")
                : row.getString("displayStatus");
        return order.indexOf(key);
    }

    private static List<String> fullNames(JsonObject children) {
        return children.getJsonArray("children").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("fullName"))
                .toList();
    }

    private String service(String name, boolean healthy, String severity) {
        TestListener l = new TestListener(healthy);
        listeners.add(l);
        Api.Reply r = admin.post(object(group) + "/children", """
                {"kind": "Service", "type": "TCP", "name": "%s", "parameters": [{"key": "port", "value": "%d"},
                  {"key": "expect", "value": "^OK"}%s]}""".formatted(
                name, l.port(), severity == null ? "" : ", {\"key\": \"severity\", \"value\": \"" + severity + "\"}"));
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
