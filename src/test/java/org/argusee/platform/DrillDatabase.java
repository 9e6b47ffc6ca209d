package org.argusee.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.argusee.testsupport.EmbeddedDatabase;

/**
 * The drill's own PostgreSQL, with the quick start's settings (synchronous commit and fsync on, data kept), on a
 * port and folder of its own, so a drill can stop it, kill it and start it again on the same data without touching
 * the PostgreSQL every other test shares; and the queries a drill checks its outcome with. Also the database of
 * MasterPairIT's pair, which is stopped under it.
 */
public final class DrillDatabase implements AutoCloseable {

    private final Path dataDir =
            Path.of("target", "drill-pg-" + UUID.randomUUID().toString().substring(0, 8));
    private final int port = freePort();
    private EmbeddedDatabase db;

    public DrillDatabase() {
        start();
    }

    /** Starts it (again) on the same folder and port. */
    public void start() {
        db = EmbeddedDatabase.start(dataDir, port, false);
    }

    /** A clean stop (pg_ctl stop, fast mode: connections are ended). */
    public void stop() {
        db.close();
    }

    /** A crash: SIGKILL to every process of it. */
    public void kill() {
        db.kill();
    }

    public String jdbcUrl() {
        return db.jdbcUrl();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    /** The first column of the first row. */
    public String single(String query) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + query);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** The object's transition log, oldest first: what it went to each time. */
    public List<String> logged(long objectId) {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement(
                        "select new_status from argus.status_transition where object_id = ? order by id")) {
            p.setLong(1, objectId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transition log", e);
        }
    }

    /** Objects whose stored status is not what their last logged transition says: a batch stored in part. */
    public int torn() {
        return Integer.parseInt(single("select count(*) from argus.object_status s join lateral (select new_status"
                + " from argus.status_transition t where t.object_id = s.object_id order by t.id desc limit 1) last"
                + " on true where last.new_status <> s.display_status"));
    }

    /** Whether a session runs a statement like {@code pattern} (SQL LIKE) and waits for a lock. */
    public boolean waitsForLock(String pattern) {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement(
                        "select count(*) from pg_stat_activity" + " where wait_event_type = 'Lock' and query like ?")) {
            p.setString(1, pattern);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_activity", e);
        }
    }

    /** Runs pg_sleep on {@code c} (a slow query: whatever locks its transaction holds stay held meanwhile). */
    static void sleep(Connection c, long seconds) {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_sleep(" + seconds + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("the slow query failed", e);
        }
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
