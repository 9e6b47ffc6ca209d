package org.argusee.notify.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.argusee.testsupport.MigratedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The janitor on a real PostgreSQL with the shipped migrations: acknowledged notifications past the age go with
 * their deliveries; active ones, recent ones and each object's newest stay.
 */
class NotificationPruningTest {

    static EmbeddedPostgres pg;
    static DataSource data;
    static long objectA;
    static long objectB;

    @BeforeAll
    static void start() throws Exception {
        pg = MigratedPostgres.start();
        data = pg.getPostgresDatabase();
        try (Connection c = data.getConnection()) {
            long top;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select id from argus.object where kind = 'Top'")) {
                rs.next();
                top = rs.getLong(1);
            }
            objectA = object(c, top, "a");
            objectB = object(c, top, "b");
        }
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

    @Test
    void oldAcknowledgedOnesGoWithTheirDeliveriesTheRestStay() throws SQLException {
        long oldA1 = notification(objectA, "acked", 30, false);
        long oldA2 = notification(objectA, "acked", 20, false);
        long activeA = notification(objectA, "active", 15, false);
        long recentA = notification(objectA, "acked", 2, false);
        long newestB = notification(objectB, "acked", 40, false); // B's newest: the DARP checks read it
        long oldAudit = notification(objectB, "acked", 12, true); // audit rows do not count as B's newest
        long gone = notification(null, "acked", 11, false); // its object was deleted
        try (Connection c = data.getConnection()) {
            assertEquals(4, NotificationPruning.prune(c, 10));
        }
        assertEquals(List.of(activeA, recentA, newestB), ids("select id from argus.notification order by id"));
        assertEquals(
                List.of(activeA, recentA, newestB),
                ids("select notification_id from argus.notification_delivery order by notification_id"));
        assertEquals(
                List.of(),
                List.of(oldA1, oldA2, oldAudit, gone).stream()
                        .filter(id -> exists(id))
                        .toList());
    }

    @Test
    void manyGoInBatches() throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into argus.notification (object_id, object_name, transition_at, status, severity,"
                    + " message, created_at, state, acked_by, acked_at) select " + objectA + ", 'Top:a',"
                    + " now() - g * interval '1 second', 'down', 'critical', 'x', now() - interval '11 days',"
                    + " 'acked', 'test', now() from generate_series(1, " + (2 * NotificationPruning.BATCH + 7)
                    + ") g");
        }
        long newest = notification(objectA, "acked", 11, false);
        try (Connection c = data.getConnection()) {
            assertEquals(2 * NotificationPruning.BATCH + 7, NotificationPruning.prune(c, 10));
        }
        assertEquals(List.of(newest), ids("select id from argus.notification"));
    }

    private static long object(Connection c, Long parent, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into argus.object (parent_id, kind, name)" + " values (?, ?, ?) returning id")) {
            s.setObject(1, parent);
            s.setString(2, parent == null ? "Top" : "Group");
            s.setString(3, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long notification(Long object, String state, int daysOld, boolean audit) throws SQLException {
        try (Connection c = data.getConnection();
                PreparedStatement s = c.prepareStatement("insert into argus.notification (object_id, object_name,"
                        + " transition_at, status, severity, message, created_at, state, acked_by, acked_at, audit)"
                        + " values (?, 'Top:x', clock_timestamp(), 'down', 'critical', 'm',"
                        + " now() - ? * interval '1 day', ?, ?, ?, ?) returning id")) {
            s.setObject(1, object);
            s.setInt(2, daysOld);
            s.setString(3, state);
            boolean acked = "acked".equals(state);
            s.setString(4, acked ? "test" : null);
            s.setObject(5, acked ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
            s.setBoolean(6, audit);
            long id;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement d = c.prepareStatement("insert into argus.notification_delivery (notification_id,"
                    + " destination, method, address, round, state, next_attempt, sent_at) values (?, 'mail:x', 'mail', 'x',"
                    + " 0, 'sent', now(), now())")) {
                d.setLong(1, id);
                d.executeUpdate();
            }
            return id;
        }
    }

    private static boolean exists(long id) {
        try {
            return !ids("select id from argus.notification where id = " + id).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
