package org.argusee.notify.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.argusee.notify.boundary.DeliveryRows.Row;
import org.argusee.testsupport.MigratedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claiming a destination's due deliveries on a real PostgreSQL with the shipped migrations: a claim takes the rows
 * of one message (the head; with a queue time the head and what is due after it), in id order, and a second
 * sender finds nothing while the first holds the head, so no message to one destination overtakes another and no
 * row goes twice. Found by index, not by reading the destination's backlog (docs/reliability.md, "A backlog to one
 * destination").
 */
class DeliveryRowsTest {

    private static final String A = "webhook:http://127.0.0.1:9/a";
    private static final String B = "webhook:http://127.0.0.1:9/b";

    static EmbeddedPostgres pg;
    static DataSource data;

    final List<Connection> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = MigratedPostgres.start();
        data = pg.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            s.execute("truncate argus.notification cascade");
        }
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection c : open) {
            c.rollback();
            c.close();
        }
    }

    @Test
    void theHeadIsTheFirstDueDeliveryOfTheDestinationAlone() throws SQLException {
        long notYet = queue(A, "failed", "now() + interval '1 minute'"); // failed, its next attempt to come
        long head = queue(A, "failed", "now() - interval '1 second'");
        long held = queue(A, "created", "now() + interval '2 minutes'"); // held for a queue time: goes when claimed
        long queued = queue(A, "queued", "now()");
        queue(B, "queued", "now()");
        queue(A, "sent", "now()");
        Connection c = transaction();

        assertEquals(List.of(head), ids(DeliveryRows.claimHead(c, A)), "one row: the first due, not " + notYet);
        assertEquals(List.of(held, queued), ids(DeliveryRows.claimAfter(c, A, head)), "the rest, in order");
    }

    @Test
    void aSecondSenderTakesNothingWhileTheFirstHoldsTheHead() throws SQLException {
        long first = queue(A, "queued", "now()");
        long second = queue(A, "queued", "now()");
        long other = queue(B, "queued", "now()");
        Connection one = transaction();
        Connection two = transaction();

        assertEquals(List.of(first), ids(DeliveryRows.claimHead(one, A)));
        assertEquals(List.of(), ids(DeliveryRows.claimHead(two, A)), "not the second: it would overtake the first");
        assertEquals(List.of(other), ids(DeliveryRows.claimHead(two, B)), "another destination is not held up");
        try (Statement s = one.createStatement()) {
            s.executeUpdate(
                    "update argus.notification_delivery set state = 'sent', sent_at = now() where id = " + first);
        }
        one.commit();
        assertEquals(List.of(second), ids(DeliveryRows.claimHead(two, A)), "the next, once the first is marked sent");
        assertEquals(List.of(), ids(DeliveryRows.claimHead(one, A)), "and the first sender then finds it held");
    }

    @Test
    void theRestLeavesOutWhatAnotherSenderHolds() throws SQLException {
        long first = queue(A, "queued", "now()");
        long second = queue(A, "queued", "now()");
        long third = queue(A, "queued", "now()");
        Connection one = transaction();
        Connection two = transaction();
        try (Statement s = one.createStatement()) {
            s.executeQuery("select id from argus.notification_delivery where id = " + second + " for update");
        }

        assertEquals(List.of(first), ids(DeliveryRows.claimHead(two, A)));
        assertEquals(List.of(third), ids(DeliveryRows.claimAfter(two, A, first)), "skip locked, never twice");
    }

    @Test
    void aBacklogIsNotReadToFindItsHeadNorTheHistoryToFindTheLastSent() throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            // 3,000 due to A (a mail server back after an outage), the statistics taken then; 2,000 of them sent
            // since: the planner still believes nearly every row is due to A, and the sent ones lie at the low ids
            s.execute(backlog(A, 3_000) + ";" + backlog(B, 100) + "; analyze argus.notification_delivery;"
                    + " update argus.notification_delivery set state = 'sent', sent_at = now() where id in"
                    + " (select id from argus.notification_delivery where destination = '" + A + "'"
                    + " order by id limit 2000)");
        }
        Connection c = transaction();

        String head = plan(c, DeliveryRows.CLAIM_HEAD, A, A, A);
        assertTrue(head.contains("notification_delivery_destination_id"), head);
        assertTrue(rowsRead(head) <= 2, "the head's plan reads at most 2 outbox rows: " + head);
        String last = plan(c, DeliveryRows.LAST_SENT, A);
        assertTrue(last.contains("notification_delivery_last_sent"), last);
        assertTrue(rowsRead(last) <= 2, "the last sent is one index row: " + last);
    }

    /** A queue time is measured by the database's clock, the one that dated the last send (clockstep, 70-notify). */
    @Test
    void aQueueTimeHoldsByTheDatabasesClock() throws SQLException {
        queue(A, "sent", "now()");
        Connection c = transaction();

        DeliveryRows.LastSent last = DeliveryRows.lastSent(c, A);
        assertTrue(last.at() != null && !last.at().isAfter(last.now()), last.toString());
        assertEquals(last.at().plusSeconds(60), last.holdUntil(60), "sent just now: held for the queue time");
        assertEquals(null, last.holdUntil(0), "no queue time: goes now");
        assertEquals(null, DeliveryRows.lastSent(c, B).holdUntil(60), "never sent to: goes now");
    }

    private static String backlog(String destination, int k) {
        return "with n as (insert into argus.notification (object_name, transition_at, status, severity, message)"
                + " select 'Top:t:s' || g || '" + destination + "', now(), 'down', 'critical', 'm'"
                + " from generate_series(1, " + k + ") g returning id)"
                + " insert into argus.notification_delivery (notification_id, destination, method, address, state,"
                + " next_attempt) select id, '" + destination + "', 'webhook', 'x', 'failed',"
                + " now() - interval '1 minute' from n order by id";
    }

    /** The plan as run (EXPLAIN ANALYZE, text). */
    private static String plan(Connection c, String query, String... values) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement("explain (analyze, costs off, timing off) " + query)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The most rows a node on notification_delivery returned or filtered out, by the plan's "actual" figures. */
    private static long rowsRead(String plan) {
        long most = 0;
        for (String line : plan.split("\n")) {
            if (line.contains(" on notification_delivery") && line.contains("rows=")) {
                String n = line.substring(line.indexOf("rows=") + 5).split("[ )]")[0];
                most = Math.max(most, Long.parseLong(n));
            }
            if (line.contains("Rows Removed by Filter")) {
                most = Math.max(most, Long.parseLong(line.replaceAll("\\D", "")));
            }
        }
        return most;
    }

    private Connection transaction() throws SQLException {
        Connection c = data.getConnection();
        c.setAutoCommit(false);
        open.add(c);
        return c;
    }

    private static long queue(String destination, String state, String nextAttempt) throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("with n as (insert into argus.notification"
                        + " (object_name, transition_at, status, severity, message)"
                        + " values ('Top:t:s' || gen_random_uuid(), now(), 'down', 'critical', 'm') returning id)"
                        + " insert into argus.notification_delivery (notification_id, destination, method, address,"
                        + " state, next_attempt, sent_at) select id, '" + destination + "', 'webhook', 'x', '" + state
                        + "', " + nextAttempt + ", case when '" + state + "' = 'sent' then now() end from n"
                        + " returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }
}
