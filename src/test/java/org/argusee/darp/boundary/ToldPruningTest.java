package org.argusee.darp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.argusee.darp.control.wire.ToldItem;
import org.argusee.testsupport.Eventually;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly pruning of argus.darp_told ({@code argus.notify.told-keep-days}) on a real PostgreSQL with the shipped
 * migration: rows of objects gone from the tree go whatever they say; an 'up' older than the keep days goes; a
 * down stays as long as its object lives, however old; a master's rows are pruned like this server's own. The
 * ledger's memory forgets the same rows as the table. And the writers of the table lock its rows in one order.
 */
class ToldPruningTest {

    private static final Path MIGRATION = Path.of("db-migrations", "V2026_12_08_20__darp_told.sql");
    private static final Instant NOW = Instant.now();

    static EmbeddedPostgres pg;
    static Connection db;

    ToldLedger ledger;
    ToldPruning pruning;
    String ping;
    String web;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = pg.getPostgresDatabase().getConnection();
        try (Statement s = db.createStatement()) {
            s.execute("create schema argus");
            s.execute(Files.readString(MIGRATION));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        pg.close();
    }

    @BeforeEach
    void fresh() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("truncate argus.darp_told");
        }
        TreeSnapshot tree = TreeSnapshot.build(
                1,
                List.of(
                        new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0),
                        new ObjectRow(2, 1L, ObjectKind.GROUP, "G", null, null, 0),
                        new ObjectRow(3, 2L, ObjectKind.SERVICE, "Ping", "Ping", null, 0),
                        new ObjectRow(4, 2L, ObjectKind.SERVICE, "Web", "TCP/HTTP", null, 1)),
                List.of(),
                ParameterCatalog.standard());
        ping = tree.byId(3).orElseThrow().fullName();
        web = tree.byId(4).orElseThrow().fullName();
        ledger = new ToldLedger();
        ledger.store = new DatabaseOnly();
        pruning = new ToldPruning();
        pruning.ledger = ledger;
        pruning.cache = new TreeCache() {
            @Override
            public TreeSnapshot snapshot() {
                return tree;
            }
        };
        pruning.keepDays = 7;
    }

    @Test
    void oldRecoveriesAndGoneObjectsGoDownsOfLiveObjectsStay() throws SQLException {
        note("", web, "up", 8, true); // an old recovery: goes
        note("", ping, "down", 30, true); // a down of a live object: stays, however old
        note("", "Top:G:Gone", "down", 1, true); // its object is gone: goes
        note("m1", web, "up", 6, true); // a recent recovery: stays
        note("m1", ping, "up", 9, true); // a master's old recovery: goes as this server's
        note("m2", "Top:G:Gone", "up", 0, true);

        pruning.prune();

        assertEquals(
                Map.of("|" + ping, "down", "m1|" + web, "up"),
                rows(),
                "left in argus.darp_told (teller|object -> status)");
        assertTrue(ledger.of(web).isEmpty(), "the ledger forgot the old recovery told here");
        assertTrue(ledger.sentOf(web).isEmpty(), "and that it was sent");
        assertEquals("down", ledger.of(ping).orElseThrow().status());
        assertEquals("down", ledger.sentOf(ping).orElseThrow().status());
        assertEquals("m1", ledger.byMaster(web).orElseThrow().master(), "the recent recovery m1 told is kept");
        assertTrue(ledger.byMaster(ping).isEmpty(), "m1's old recovery of Ping is forgotten");
        assertEquals(Set.of(ping, web), ledger.objects(), "nothing of the gone object is left");
    }

    @Test
    void theKeepDaysAreTheSetting() throws SQLException {
        note("", web, "up", 2, false);
        pruning.keepDays = 1;
        pruning.prune();
        assertEquals(Map.of(), rows(), "an up two days old goes when one day is kept");
    }

    @Test
    void nothingToPruneLeavesEverything() throws SQLException {
        note("", web, "up", 0, true);
        note("m1", ping, "down", 100, true);
        pruning.prune();
        assertEquals(2, rows().size());
    }

    /**
     * A status batch noting Ping then Web told, and a merged message marking Web and Ping sent: each takes the rows
     * in name order, so the second waits for the first instead of the two deadlocking (seen once on a restarted
     * master). Without the order the marking locks Web, then waits for Ping, which the batch holds while it wants
     * Web: PostgreSQL breaks the cycle after its deadlock_timeout by failing one of them.
     */
    @Test
    void theBatchAndTheSentMarksLockTheRowsInOneOrder() throws Exception {
        note("", ping, "down", 1, false);
        note("", web, "down", 1, false);
        ToldItem pingWas = ToldStore.all(db).stream()
                .filter(r -> r.item().object().equals(ping))
                .findFirst()
                .orElseThrow()
                .item();
        ToldItem webWas = new ToldItem(web, "down", "critical", pingWas.at());
        try (Connection batch = pg.getPostgresDatabase().getConnection();
                Connection marks = pg.getPostgresDatabase().getConnection()) {
            batch.setAutoCommit(false);
            marks.setAutoCommit(false);
            int marksPid = pid(marks);
            ToldStore.upsert(batch, "", List.of(new ToldItem(ping, "up", "clear", NOW)), false);
            CompletableFuture<Void> marking = CompletableFuture.runAsync(() -> {
                try {
                    ToldStore.sentHere(marks, List.of(webWas, pingWas)); // Web first, as a message may list them
                    marks.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.await(
                    "the marking waits for a row the batch holds", Duration.ofSeconds(30), () -> waiting(marksPid));
            ToldStore.upsert(batch, "", List.of(new ToldItem(web, "up", "clear", NOW)), false);
            batch.commit();
            marking.get(30, TimeUnit.SECONDS); // a deadlock fails one of the two
        }
        assertEquals(Map.of("|" + ping, "up", "|" + web, "up"), rows());
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean waiting(int pid) {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void note(String teller, String object, String status, int daysAgo, boolean sent) throws SQLException {
        ToldItem item = new ToldItem(
                object, status, "up".equals(status) ? "clear" : "critical", NOW.minus(Duration.ofDays(daysAgo)));
        ToldStore.upsert(db, teller, List.of(item), sent);
    }

    private static Map<String, String> rows() throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        for (ToldStore.Row r : ToldStore.all(db)) {
            rows.put(r.teller() + "|" + r.item().object(), r.item().status());
        }
        return rows;
    }

    /** The store's own SQL on the test's connection, without the container's transactions. */
    private static final class DatabaseOnly extends ToldStore {
        @Override
        public List<Row> all() {
            try {
                return ToldStore.all(db);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int prune(Collection<String> goneObjects, int keepDays) {
            try {
                return ToldStore.prune(db, goneObjects, keepDays);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
