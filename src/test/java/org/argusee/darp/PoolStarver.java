package org.argusee.darp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.argusee.platform.DrillDatabase;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;

/**
 * Starves one server's connection pool, as a slow query would (MasterPairCutOffIT): a drill session locks
 * {@code argus.object} and sleeps in {@code pg_sleep}, and {@code writes} requests to the server wait behind the lock,
 * each holding one of its connections. {@link #close} cancels the sleep (the lock goes with the rollback) and checks
 * that each write ended as a write behind a starved pool may: 201 once through, 503 if the pool had no connection
 * for it within its wait, or the client's own timeout.
 */
final class PoolStarver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PoolStarver.class.getName());
    private static final int TIMED_OUT = -1;

    private final DrillDatabase db;
    private final Connection slow;
    private final String pid;
    private final CompletableFuture<Void> sleeping;
    private final List<CompletableFuture<Integer>> writes = new ArrayList<>();

    /** The group the {@code i}-th write makes (under Top) when it gets through: names of the caller's {@code run}. */
    static String group(String run, int i) {
        return "starved_" + run + "_" + i;
    }

    PoolStarver(DrillDatabase db, ArgusServer server, int writes, String run) throws SQLException {
        this.db = db;
        slow = db.connect();
        slow.setAutoCommit(false);
        try (Statement s = slow.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            pid = rs.getString(1);
            s.execute("lock table argus.object in access exclusive mode");
        }
        sleeping = CompletableFuture.runAsync(this::sleep);
        for (int i = 0; i < writes; i++) {
            String group = group(run, i);
            this.writes.add(CompletableFuture.supplyAsync(() -> write(server, group)));
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            db.single("select pg_cancel_backend(" + pid + ")");
            sleeping.join();
            slow.rollback();
        } finally {
            slow.close();
        }
        for (CompletableFuture<Integer> w : writes) {
            int status = w.join();
            assertTrue(
                    status == 201 || status == 503 || status == TIMED_OUT, "a write waiting for the pool: " + status);
        }
    }

    /** Long enough for any drill: {@link #close} cancels it. */
    private void sleep() {
        try (Statement s = slow.createStatement()) {
            s.execute("select pg_sleep(600)");
        } catch (SQLException e) {
            LOG.fine(() -> "the slow query ended: " + e);
        }
    }

    private static int write(ArgusServer server, String group) {
        try {
            return server.api()
                    .post(Api.object("Top") + "/children", "{\"kind\": \"Group\", \"name\": \"" + group + "\"}")
                    .status();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return TIMED_OUT;
            }
            throw e;
        }
    }
}
