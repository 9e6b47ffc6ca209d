package org.argusee.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Annotations, the transition log, availability and samples of real services, and who may do what. */
// The minute test last (@Order): its minute runs out while the others run. Each test passes alone and in any order.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusHistoryIT extends StatusFixture {

    private static String minuteGroup;
    private static String minuteService;
    private static TestListener minuteListener;
    private static Api minuteApi;

    @Test
    void annotationsAreAddedListedAndDeleted() {
        String service = service(host, listener(true));
        JsonObject note = created(api.post(status(service, "/annotations"), """
                {"text": "replaced the disk"}"""));
        assertEquals("admin", note.getString("user"));
        assertNotNull(note.getString("at"));
        Api reader = reader();
        JsonArray notes = reader.get(status(service, "/annotations")).array();
        assertEquals("replaced the disk", notes.getJsonObject(0).getString("text"));
        assertEquals(403, reader.post(status(service, "/annotations"), """
                {"text": "not mine to write"}""").status());
        assertEquals(400, api.post(status(service, "/annotations"), """
                {"text": "  "}""").status());
        String one = status(service, "/annotations/" + note.getJsonNumber("id").longValue());
        assertEquals(403, reader.delete(one).status());
        assertEquals(204, api.delete(one).status());
        assertEquals(404, api.delete(one).status());
        assertEquals(0, api.get(status(service, "/annotations")).array().size());
    }

    @Test
    void transitionsAvailabilityAndSamplesFollowTheService() {
        TestListener flaky = listener(true);
        String service = service(host, flaky, "retries", "0");
        awaitShown(service, "up");
        flaky.healthy(false);
        awaitShown(service, "down");
        flaky.healthy(true);
        awaitShown(service, "up");

        JsonObject page = ok(api.get(status(service, "/transitions?limit=1")));
        assertEquals(2, page.getInt("total"));
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals("down", page.getJsonArray("items").getJsonObject(0).getString("from"));
        JsonObject older = ok(api.get(status(service, "/transitions?offset=1&limit=1")))
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("up", older.getString("from"));
        assertEquals("down", older.getString("to"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Eventually.await("a day with time up and down", WITHIN, () -> {
            JsonObject day = lastPeriod(service, "day");
            return day.getString("start").equals(today)
                    && day.getJsonNumber("upSeconds").doubleValue() > 0
                    && day.getJsonNumber("downSeconds").doubleValue() > 0
                    && day.getInt("timesDown") == 1;
        });
        JsonObject day = lastPeriod(service, "day");
        double shares = day.getJsonNumber("upPercent").doubleValue()
                + day.getJsonNumber("downPercent").doubleValue();
        assertEquals(100, shares, 0.001);
        assertEquals(1, lastPeriod(service, "month").getInt("timesDown"));
        assertEquals(1, lastPeriod(service, "year").getInt("timesDown"));
        assertEquals(
                30,
                ok(api.get(status(service, "/availability")))
                        .getJsonArray("periods")
                        .size());

        for (String resolution : new String[] {"raw", "hour", "day"}) {
            JsonArray samples = ok(api.get(status(service, "/samples?resolution=" + resolution)))
                    .getJsonArray("samples");
            assertTrue(!samples.isEmpty(), resolution + " has the probes under way");
            JsonObject last = samples.getJsonObject(samples.size() - 1);
            assertTrue(last.getInt("probes") > 0, last.toString());
            assertTrue(last.getJsonObject("elapsedMs").getJsonNumber("max").doubleValue() >= 0, last.toString());
        }
    }

    /** A minute of samples is stored once the clock's minute is over (of the service probed since the first test). */
    @Test
    @Order(Integer.MAX_VALUE)
    void aMinuteOfSamplesIsStoredOnceItIsOver() {
        Eventually.await(
                "a minute of samples stored",
                Duration.ofSeconds(90),
                () -> StatusIT.count(
                                "select count(*) from argus.status_sample s join argus.object_full_name f on f.id = s.object_id"
                                        + " where f.full_name = ? and s.resolution = 'minute'",
                                minuteService)
                        > 0);
    }

    /**
     * Before the class's first test: a service of the minute test, in a group of its own (the fixture removes each
     * test's group after it), so that the clock's minute runs out while the other tests run rather than after them.
     * Run alone, the minute test makes it itself and waits the whole minute.
     */
    @BeforeEach
    void serviceForTheMinute() {
        if (minuteService == null) {
            minuteGroup = "Top:st_minute_" + UUID.randomUUID().toString().substring(0, 8);
            minuteListener = new TestListener(true);
            minuteService = service(groupWithHost(minuteGroup), minuteListener);
            minuteApi = api;
        }
    }

    @AfterAll
    static void removeTheMinuteService() {
        if (minuteService != null) {
            minuteApi.delete(Api.object(minuteGroup) + "?recursive=true");
            minuteListener.close();
            minuteService = null;
        }
    }

    @Test
    void groupsHaveAvailabilityButNoSamples() {
        service(host, listener(true));
        awaitShown(host, "up");
        JsonObject samples = ok(api.get(status(host, "/samples")));
        assertEquals(0, samples.getJsonArray("samples").size());
        Eventually.await(
                "the host's time up counted",
                WITHIN,
                () -> lastPeriod(host, "day").getJsonNumber("upSeconds").doubleValue() > 0);
    }

    @Test
    void readersReadAndOnlyAdminsChange() {
        String service = service(host, listener(true));
        Api reader = reader();
        String[] reads = {"", "/children", "/transitions", "/availability", "/samples", "/annotations"};
        for (String path : reads) {
            assertEquals(200, reader.get(status(service, path)).status(), path);
        }
        assertEquals(200, reader.get("api/status").status());
        assertEquals(403, reader.put(status(service, "/override"), """
                {"text": "x"}""").status());
        assertEquals(403, reader.delete(status(service, "/override")).status());
        assertEquals(403, reader.post(status(service, "/check"), null).status());
        assertEquals(401, Api.anonymous(base).get(status(service, "")).status());
        assertEquals(
                401, Api.anonymous(base).post(status(service, "/check"), null).status());
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        String service = service(host, listener(true));
        assertEquals(404, api.get(status(group + ":missing", "")).status());
        for (String query : new String[] {
            "/samples?resolution=week",
            "/samples?from=yesterday",
            "/availability?per=week",
            "/availability?from=2026-02-30",
            "/transitions?limit=0",
            "/transitions?offset=-1",
            "/availability?from=2030-01-01&to=2029-01-01"
        }) {
            Api.Reply reply = api.get(status(service, query));
            assertEquals(400, reply.status(), query + ": " + reply);
            assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), query);
        }
    }

    private JsonObject lastPeriod(String fullName, String per) {
        JsonArray periods =
                ok(api.get(status(fullName, "/availability?per=" + per))).getJsonArray("periods");
        return periods.getJsonObject(periods.size() - 1);
    }
}
