package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;

/**
 * What the standby of a master pair answers to the API (issue 16, docs/reliability.md, "What the standby answers"):
 * the checks of {@link MasterPairIT}'s second step, and the age of its copy of the statuses for the others.
 */
final class StandbyAnswers {

    /** The standby reads the stored statuses every 5 s: a copy older than this is not fresh. */
    private static final Duration FRESH = Duration.ofSeconds(10);

    private StandbyAnswers() {}

    /** The standby refuses a DARP login (503 standby, so a slave tries the next URL at once); the active one not. */
    static void refuseSlaves(ArgusServer standby, ArgusServer active) {
        String challenge = """
                {"tag": "slave1", "clientNonce": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}""";
        Api.Reply refused = standby.anonymousApi().post("api/darp/v1/challenge", challenge);
        assertEquals(503, refused.status(), refused.toString());
        assertEquals("urn:argus:problem:standby", refused.json().getString("type"));
        assertEquals(
                200,
                active.anonymousApi().post("api/darp/v1/challenge", challenge).status());
    }

    /** A check and an override are refused with 503 naming the active one's URL; a note is taken. */
    static void refuseProberWork(ArgusServer standby, ArgusServer active, String service) {
        String url = active.url().toString();
        String path = "api/status/" + Api.encode(service);
        for (Api.Reply refused :
                List.of(standby.api().post(path + "/check", ""), standby.api().put(path + "/override", """
                        {"text": "on the standby"}"""))) {
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("urn:argus:problem:standby", refused.json().getString("type"));
            assertTrue(refused.json().getString("detail").contains(url), refused.toString());
            assertEquals(url, refused.header("Argus-Active"));
        }
        assertEquals(200, active.api().post(path + "/check", "").status());
        Api.Reply note = standby.api().post(path + "/annotations", """
                {"text": "left on the standby"}""");
        assertEquals(201, note.status(), "a note only changes the database: " + note);
    }

    /** The standby's answers and dashboard say its statuses are a fresh copy; the active one's say nothing. */
    static void dateTheirStatuses(ArgusServer standby, ArgusServer active, String service) {
        Api.Reply read = standby.api().get("api/status/" + Api.encode(service));
        assertEquals("standby", read.header("Argus-Role"));
        Duration age = Duration.between(Instant.parse(read.header("Argus-Statuses-As-Of")), Instant.now());
        assertTrue(age.compareTo(FRESH) < 0, "the standby reads the stored statuses every 5 s: " + age);
        JsonObject summary = standby.api().get("api/dashboard/summary").json();
        assertEquals("standby", summary.getString("role"));
        Duration shown = Duration.between(Instant.parse(summary.getString("statusesAsOf")), Instant.now());
        assertTrue(shown.compareTo(FRESH) < 0, "the dashboard dates the standby's statuses: " + shown);
        assertNull(active.api().get("api/status/" + Api.encode(service)).header("Argus-Role"));
    }

    /** When the standby last read the statuses, from its answer's header. */
    static Instant asOf(ArgusServer standby, String service) {
        return Instant.parse(
                standby.api().get("api/status/" + Api.encode(service)).header("Argus-Statuses-As-Of"));
    }
}
