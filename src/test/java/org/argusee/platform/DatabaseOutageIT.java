package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.EmbeddedDatabase;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database outage drills of issue 16 (docs/reliability.md, "Database outage"), against a PostgreSQL of the test's
 * own with the quick start's settings (synchronous commit on): stopped, then started; killed with SIGKILL, then
 * started; its connections held up by a slow query that keeps the server's pool busy. Through each, a TCP service
 * goes up and down; every transition must be in the database afterwards, in order, the statuses readable from memory
 * throughout (marked {@code Argus-Database: unavailable}), writes back within 10 s of the database's return. One
 * scenario in steps: each drill would otherwise pay a server's boot. The CI form keeps each outage short
 * ({@code drill.outage.seconds}, 15 s: past the pool's 10 s wait, so the starved drill flips while marked, and a
 * dozen of the status writer's once-a-second tries; 30 s until session 16, 45 s more of CI); bench/db-outage.sh runs
 * it for 5 minutes and collects the figures this test writes to target/drill-figures.txt.
 */
class DatabaseOutageIT {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageIT.class.getName());
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("drill.outage.seconds", 15));
    /** Graphed services that are always up, so the queue fills with samples (0 in CI; the bench sets it). */
    private static final int SERVICES = Integer.getInteger("drill.services", 0);
    /** argus.status.queue-max for the drill's server: the bench makes it small to see the full queue drop samples. */
    private static final String QUEUE_MAX = System.getProperty("drill.queue-max", "200000");

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Duration RESUME = Duration.ofSeconds(10);
    /** The log keeps an object's last 200 transitions (StatusStore): a 5-minute drill flips more often than that. */
    private static final int KEPT = 200;

    private static final int TIMED_OUT = -1;

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final FlippingListener listener = new FlippingListener();
    private final FlippingListener steady = new FlippingListener();
    private final List<String> shown = new ArrayList<>();
    private DrillDatabase db;
    private Api admin;
    private OutageFigures figures;
    private String serviceName;
    private long serviceId;

    @AfterEach
    void tearDown() {
        listener.close();
        steady.close();
        if (db != null) {
            db.close();
        }
    }

    @Test
    void statusesStayReadableAndNoTransitionIsLostWhenTheDatabaseStopsCrashesOrStarves() throws Exception {
        db = new DrillDatabase();
        ArgusServer server = servers.create("drill");
        server.secret("DB_URL", db.jdbcUrl())
                .secret("DB_USER", EmbeddedDatabase.USER)
                .secret("DB_PASSWORD", EmbeddedDatabase.PASSWORD)
                .secret("DB_POOL_MAX", "6")
                .property("argus.status.queue-max", QUEUE_MAX)
                .start();
        admin = server.api();
        figures = new OutageFigures(admin, Path.of("target", "drill-figures.txt"));
        createService();
        createSteadyServices();
        awaitShown("up");

        assertEquals("on", db.single("show synchronous_commit"), "the quick start's setting: commits survive a crash");

        drill("stopped", () -> db.stop());
        drill("killed", () -> db.kill());
        starved();

        // graceful stop: the check times kept in memory (stored once a minute otherwise) are written before the end
        Instant seen = checkedAt().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps of it
        server.stop();
        Instant stored = Instant.parse(
                db.single("select to_char(checked_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " from argus.object_status where object_id = " + serviceId));
        assertTrue(!stored.isBefore(seen), "the last check time stored at shutdown: " + stored + " < " + seen);
    }

    /**
     * A write that waits behind the slow query: 201 once it gets through, 503 if the pool had no connection for it
     * within its wait, or {@link #TIMED_OUT} if it sat behind the lock longer than the client waits (30 s).
     */
    private int write(String group) {
        try {
            return admin.post(Api.object("Top") + "/children", """
                    {"kind": "Group", "name": "%s"}""".formatted(group))
                    .status();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return TIMED_OUT;
            }
            throw e;
        }
    }

    /** The database goes by {@code stop}, stays away {@link #OUTAGE} while the service flips, then starts again. */
    private void drill(String how, Runnable stop) {
        int before = storedTransitions();
        Instant start = Instant.now();
        stop.run();
        Duration marked = Eventually.await(
                "reads marked Argus-Database: unavailable after the database " + how, WITHIN, () -> marked(true));
        // the DARP links live in memory: their view answers without the database (it was a 503)
        Api.Reply links = admin.get("api/darp/connections");
        assertEquals(200, links.status(), "the DARP links while the database " + how + ": " + links);
        int flips = flipUntil(start.plus(OUTAGE));
        db.start();
        Instant back = Instant.now();
        int after = Math.min(before + flips, KEPT);
        Duration resumed = Eventually.await("the outage's " + flips + " transitions stored", WITHIN, () -> {
            int stored = storedTransitions();
            assertTrue(stored <= after, "more transitions stored than made: " + stored + " > " + after);
            return stored == after;
        });
        Eventually.await("the marker gone", WITHIN, () -> marked(false));
        assertInOrder();
        assertEquals(0, db.torn(), "objects whose stored status and last transition disagree");
        figures.write(how, Duration.between(start, back), flips, after - storedTransitions(), marked, resumed);
        assertTrue(resumed.compareTo(RESUME) <= 0, "writes resumed " + resumed.toMillis() + " ms after the return");
    }

    /**
     * The pool of 6 connections held by requests that wait behind a slow query's lock (a session of the test locks
     * argus.object and sleeps in pg_sleep): probing goes on, statuses stay readable, and it all resumes.
     */
    private void starved() throws Exception {
        int before = storedTransitions();
        Instant start = Instant.now();
        try (Connection slow = db.connect();
                Statement s = slow.createStatement()) {
            slow.setAutoCommit(false);
            s.execute("lock table argus.object in access exclusive mode");
            CompletableFuture<Void> sleeping =
                    CompletableFuture.runAsync(() -> DrillDatabase.sleep(slow, OUTAGE.toSeconds()));
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String group = "starved_" + i;
                writes.add(CompletableFuture.supplyAsync(() -> write(group)));
            }
            Duration marked = Eventually.await("the starved pool marked as unavailable", WITHIN, () -> marked(true));
            Instant checked = checkedAt();
            int flips = flipUntil(start.plus(OUTAGE));
            assertTrue(checkedAt().isAfter(checked), "probing went on: " + checked + " then " + checkedAt());
            sleeping.join();
            slow.commit();
            Instant back = Instant.now();
            int after = Math.min(before + flips, KEPT);
            Duration resumed = Eventually.await(
                    "the starved time's " + flips + " transitions stored", WITHIN, () -> storedTransitions() == after);
            for (CompletableFuture<Integer> w : writes) {
                int status = w.join();
                assertTrue(
                        status == 201 || status == 503 || status == TIMED_OUT,
                        "a write waiting for the pool answered " + status);
            }
            Eventually.await("the marker gone", WITHIN, () -> marked(false));
            assertInOrder();
            figures.write("starved", Duration.between(start, back), flips, 0, marked, resumed);
        }
    }

    /** Flips the service until {@code until}, each time waiting for the API to show it; answers the flips. */
    private int flipUntil(Instant until) {
        int flips = 0;
        do {
            String next = listener.flip();
            figures.read(awaitShown(next));
            figures.sample();
            flips++;
        } while (Instant.now().isBefore(until) || !listener.isOpen());
        return flips;
    }

    private Duration awaitShown(String status) {
        shown.add(status);
        return Eventually.await(serviceName + " shown " + status, WITHIN, () -> {
            Api.Reply r = admin.get("api/status/" + Api.encode(serviceName));
            return r.status() == 200 && status.equals(r.json().getString("status"));
        });
    }

    private boolean marked(boolean away) {
        Api.Reply r = admin.get("api/status/" + Api.encode(serviceName));
        assertEquals(200, r.status(), "statuses stay readable: " + r);
        return away == "unavailable".equals(r.header("Argus-Database"));
    }

    private Instant checkedAt() {
        JsonObject s = admin.get("api/status/" + Api.encode(serviceName)).json();
        return Instant.parse(s.getString("checkedAt"));
    }

    private void createSteadyServices() {
        if (SERVICES == 0) {
            return;
        }
        assertEquals(
                201,
                admin.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "steady", "parameters": [{"key": "frequency", "value": "5"},
                  {"key": "graph", "value": "yes"}, {"key": "port", "value": "%d"}]}""".formatted(steady.port()))
                        .status());
        assertEquals(
                201, admin.post(Api.object("Top:steady") + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""").status());
        for (int i = 0; i < SERVICES; i++) {
            Api.Reply r = admin.post(Api.object("Top:steady:127.0.0.1") + "/children", """
                    {"kind": "Service", "type": "TCP", "parameters": [{"key": "uname", "value": "s%d"}]}""".formatted(i));
            assertEquals(201, r.status(), r.toString());
        }
    }

    private void createService() throws SQLException {
        assertEquals(201, admin.post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "drill", "parameters": [{"key": "frequency", "value": "1"},
                  {"key": "retries", "value": "0"}, {"key": "timeout", "value": "2"}]}""").status());
        assertEquals(201, admin.post(Api.object("Top:drill") + "/children", """
                {"kind": "Host", "name": "127.0.0.1"}""").status());
        Api.Reply service = admin.post(Api.object("Top:drill:127.0.0.1") + "/children", """
                {"kind": "Service", "type": "TCP", "parameters": [{"key": "port", "value": "%d"}]}""".formatted(listener.port()));
        assertEquals(201, service.status(), service.toString());
        serviceName = service.json().getString("fullName");
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select s.id from argus.object s join argus.object h on h.id = s.parent_id"
                                + " join argus.object g on g.id = h.parent_id where g.name = 'drill' and s.kind = 'Service'")) {
            assertTrue(rs.next(), "the drill's service is stored");
            serviceId = rs.getLong(1);
        }
    }

    private int storedTransitions() {
        return db.logged(serviceId).size();
    }

    /** The service's log reads as the flips made it, oldest first (a first status of up is not logged). */
    private void assertInOrder() {
        List<String> made = shown.subList(1, shown.size()); // a first status of up is not logged
        assertEquals(
                made.subList(Math.max(0, made.size() - KEPT), made.size()),
                db.logged(serviceId),
                "the transitions in the order they were made (the last " + KEPT + ")");
    }
}
