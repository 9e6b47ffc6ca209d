package org.argusee.status;

import static org.argusee.testsupport.Api.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Status against real listeners: retries and retrydelay, groups by gravity, overrides (expiry, auto), depends,
 * check now, unknown until checked, check times kept current.
 */
class StatusIT extends StatusFixture {

    @Test
    void serviceGoesDownAfterItsRetriesAndTakesItsGroupsWith() throws SQLException {
        TestListener good = listener(true);
        TestListener flaky = listener(true);
        String steady = service(host, good);
        String failing = service(host, flaky);
        awaitShown(steady, "up");
        awaitShown(failing, "up");
        awaitShown(host, "up");
        awaitShown(group, "up");

        // the server's count since its deploy, which other classes' objects added to (the WAR is deployed once a run)
        double downsBefore = changesAnnounced("down");
        flaky.healthy(false);
        JsonObject down = awaitShown(failing, "down");
        assertEquals("critical", down.getString("severity"));
        assertTrue(down.getString("reason").contains("expect"), down.toString());
        JsonObject hostDown = awaitShown(host, "down");
        assertEquals("1 of 2 down", hostDown.getString("reason"));
        assertEquals("critical", hostDown.getString("severity"));
        assertEquals(1, hostDown.getJsonObject("counts").getInt("down"));
        assertEquals(1, hostDown.getJsonObject("counts").getInt("up"));
        awaitShown(group, "down");

        ok(api.put(object(host) + "/parameters/gravity", """
                {"value": "up"}"""));
        awaitShown(host, "up");
        awaitShown(group, "up");
        Eventually.await("the host's transitions stored", WITHIN, () -> storedTransitions(host)
                .equals(List.of("up->down", "down->up")));
        Eventually.await("the host's status row stored", WITHIN, () -> "up".equals(storedStatus(host)));

        assertTrue(changesAnnounced("down") > downsBefore, "StatusChanged observed after commit");

        JsonObject log = ok(api.get(status(failing, "/transitions")));
        JsonObject last = log.getJsonArray("items").getJsonObject(0);
        assertEquals("up", last.getString("from"));
        assertEquals("down", last.getString("to"));
        assertEquals("critical", last.getString("severity"));
    }

    @Test
    void retriesComeAfterRetrydelayNotAtTheNextRegularProbe() {
        TestListener sick = listener(false);
        // a day between regular probes: only "check now" and the retries probe it during the test
        String service = service(host, sick, "frequency", "1d", "retries", "2", "retrydelay", "1s");
        assertEquals("unknown", status(service).getString("status"), "never checked yet");
        Instant start = checkNow(service, 1);
        JsonObject down = awaitShown(service, "down");
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofMillis(1900)) >= 0, "two retries, a second apart: " + took);
        JsonObject raw = ok(api.get(status(service, "/samples?resolution=raw")));
        int probes = raw.getJsonArray("samples").stream()
                .mapToInt(s -> s.asJsonObject().getInt("probes"))
                .sum();
        assertEquals(3, probes, "down after retries+1 failures: " + raw);
        assertEquals(3, down.getInt("failures"));
    }

    @Test
    void checkNowProbesAServiceOrEveryServiceOfAGroup() {
        String first = service(host, listener(true), "frequency", "1d");
        String second = service(host, listener(true), "frequency", "1d");
        // the status graph takes new objects in after the create's commit: an empty host shows up until then
        Eventually.await(
                "both services under the host in the status graph",
                WITHIN,
                () -> status(host).getJsonObject("counts").values().stream()
                                .mapToInt(v -> ((JsonNumber) v).intValue())
                                .sum()
                        == 2);
        // the stored state follows with the writer's next round (100 ms): the empty host was up until then
        Eventually.await("a host whose services were never checked shows unknown", WITHIN, () -> "unknown"
                .equals(status(host).getString("status")));
        checkNow(host, 2);
        awaitShown(first, "up");
        awaitShown(second, "up");
        JsonObject h = awaitShown(host, "up");
        assertEquals(2, h.getJsonObject("counts").getInt("up"));
        assertTrue(status(first).containsKey("checkedAt"));
        assertEquals(404, api.post(status(group + ":nothing", "/check"), null).status());
    }

    @Test
    void overrideShowsOverrideFlagsChildrenAndExpires() throws SQLException {
        TestListener sick = listener(false);
        String service = service(host, sick, "retries", "0");
        awaitShown(host, "down");

        JsonObject overridden = ok(api.put(status(host, "/override"), """
                {"text": "rebooting", "mode": "manual", "expiresIn": "5s", "ticket": "OPS-1"}"""));
        assertEquals("override", overridden.getString("displayStatus"));
        assertEquals("clear", overridden.getString("severity"));
        assertEquals("admin", overridden.getJsonObject("override").getString("user"));
        assertEquals("OPS-1", overridden.getJsonObject("override").getString("ticket"));
        awaitShown(host, "override");
        assertEquals(host, status(service).getString("ancestorOverride"), "the child is flagged");
        assertEquals("down", status(service).getString("displayStatus"), "and keeps its own state");
        assertEquals(
                1,
                count(
                        "select count(*) from argus.status_override o join argus.object_full_name f"
                                + " on f.id = o.object_id where f.full_name = ?",
                        host));

        JsonObject expired = awaitShown(host, "down");
        assertFalse(expired.containsKey("override") && !expired.isNull("override"), expired.toString());
        assertFalse(status(service).containsKey("ancestorOverride"));
        Eventually.await(
                "the expired override removed from the table",
                WITHIN,
                () -> count(
                                "select count(*) from argus.status_override o join argus.object_full_name f on f.id = o.object_id"
                                        + " where f.full_name = ?",
                                host)
                        == 0);
        Eventually.await("override and its end in the host's log", WITHIN, () -> {
            List<String> log = storedTransitions(host);
            return log.size() >= 2
                    && log.subList(log.size() - 2, log.size()).equals(List.of("down->override", "override->down"));
        });
    }

    @Test
    void autoOverrideIsRemovedWhenTheObjectComesBackUp() {
        TestListener flaky = listener(false);
        String service = service(host, flaky, "retries", "0");
        awaitShown(service, "down");
        ok(api.put(status(service, "/override"), """
                {"text": "known problem"}"""));
        JsonObject o = awaitShown(service, "override");
        assertEquals("auto", o.getJsonObject("override").getString("mode"), "auto is the default");
        assertEquals(
                "override",
                awaitShown(host, "override").getString("displayStatus"),
                "a group whose only down child is overridden shows override");

        flaky.healthy(true);
        JsonObject up = awaitShown(service, "up");
        Eventually.await(
                "the auto override gone", WITHIN, () -> !status(service).containsKey("override"));
        assertEquals(404, api.delete(status(service, "/override")).status(), "nothing left to remove: " + up);
    }

    @Test
    void overridesAreValidatedAndRespectOverridable() {
        TestListener good = listener(true);
        String service = service(host, good, "overridable", "no");
        Api.Reply bad = api.put(status(host, "/override"), """
                {"text": "x", "mode": "sometimes", "expiresIn": "soon"}""");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.body().contains("mode") && bad.body().contains("expiresIn"), bad.body());
        Api.Reply noText = api.put(status(host, "/override"), "{}");
        assertEquals(400, noText.status(), noText.toString());
        Api.Reply past = api.put(status(host, "/override"), """
                {"text": "x", "expires": "2001-01-01T00:00:00Z"}""");
        assertEquals(400, past.status(), past.toString());
        assertEquals(409, api.put(status(service, "/override"), """
                {"text": "not allowed here"}""").status());
        assertEquals(404, api.delete(status(host, "/override")).status());
    }

    @Test
    void dependsShowsDependsUntilTheDependencyReturns() {
        TestListener router = listener(false);
        TestListener web = listener(false);
        String dependency = service(host, router, "retries", "0");
        String dependant = service(host, web, "retries", "0");
        ok(api.put(object(dependant) + "/parameters/depends", """
                {"value": "%s"}""".formatted(dependency)));
        awaitShown(dependency, "down");
        JsonObject depends = awaitShown(dependant, "depends");
        assertEquals("warning", depends.getString("severity"));
        assertEquals(dependency, depends.getString("dependsOn"));
        assertEquals("down", depends.getJsonArray("depends").getJsonObject(0).getString("status"));

        router.healthy(true);
        JsonObject down = awaitShown(dependant, "down");
        assertEquals("critical", down.getString("severity"), "re-evaluated when the dependency came back");
    }

    @Test
    void checkTimeIsKeptCurrentWithoutAWritePerProbe() {
        TestListener good = listener(true);
        String service = service(host, good);
        awaitShown(service, "up");
        Instant first = Instant.parse(status(service).getString("checkedAt"));
        Eventually.await("checkedAt moves on", WITHIN, () -> Instant.parse(
                        status(service).getString("checkedAt"))
                .isAfter(first));
        JsonObject brief = ok(api.get(object(service))).getJsonObject("status");
        assertEquals("up", brief.getString("displayStatus"), "the tree API shows the same status");
    }

    /** The count of committed StatusChanged events showing {@code shown}, from the metrics their observer keeps. */
    private double changesAnnounced(String shown) {
        Api.Reply metrics = api.get("api/metrics");
        assertEquals(200, metrics.status());
        String prefix = "argus_status_changes_total{shown=\"" + shown + "\"}";
        return metrics.body()
                .lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(
                        l -> Double.parseDouble(l.substring(prefix.length()).strip()))
                .sum();
    }

    private Instant checkNow(String fullName, int services) {
        Instant start = Instant.now();
        // the scheduler picks a new service up within a second or two; until then "check now" starts nothing
        Eventually.await("check now of " + fullName + " starts " + services, WITHIN, () -> {
            JsonObject r = ok(api.post(status(fullName, "/check"), null));
            return r.getInt("services") == services && r.getInt("started") == services;
        });
        return start;
    }

    static String storedStatus(String fullName) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "select s.status from argus.object_status s join argus.object_full_name f on f.id = s.object_id"
                                + " where f.full_name = ?")) {
            s.setString(1, fullName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> storedTransitions(String fullName) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "select t.old_status, t.new_status from argus.status_transition t join argus.object_full_name f"
                                + " on f.id = t.object_id where f.full_name = ? order by t.id")) {
            s.setString(1, fullName);
            List<String> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1) + "->" + rs.getString(2));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int count(String sql, String fullName) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, fullName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
