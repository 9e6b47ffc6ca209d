package org.argusee.tree.boundary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells the tree cache when the configuration changed, by PostgreSQL's LISTEN on the channel the configuration
 * tables' triggers notify at each change ({@value #CHANNEL}, V2026_11_23_02; the bulk change notifies it too), on a
 * connection of the application's pool kept for it (one of its 30; a pool of its own would be stopped before the
 * application when the server stops, while the connection is still held). Between changes its thread sleeps in the
 * socket's read: no query, no wake-up; the 1 s poll of the revision it replaces cost a pooled connection (checked by
 * a round trip) and the query every second (issue 17, the idle server).
 *
 * <p>Nothing is missed: every {@link #listen} first tells of a change (whatever happened while nobody listened is
 * read then), and every {@code checkMillis} without a notification it reads the revision on its connection, which
 * finds a connection that died silently (a cut network) and a revision moved without a notification. A connection
 * that breaks (the database stopped, {@link #close}) ends {@code listen}; the caller polls while it cannot listen.
 */
final class RevisionChannel {

    private static final Logger LOG = Logger.getLogger(RevisionChannel.class.getName());

    static final String CHANNEL = "argus_config";
    private static final String REVISION = "select revision from argus.config_revision where id = 1";
    private static final int NETWORK_TIMEOUT_MILLIS = 10_000;

    private final DataSource pool;
    private final long checkMillis;
    private final Runnable changed;
    private final LongSupplier known;
    private final Runnable alive;

    /** The physical connection while listening, so {@link #close} can end a wait; null otherwise. */
    private volatile Connection listening;

    private volatile boolean closed;
    /** Whether the last attempt to listen failed (logged once, not at every attempt while the database is away). */
    private boolean failing;

    /**
     * {@code changed}: the configuration may have changed (the caller reads the revision); {@code known}: the
     * revision of the tree in use; {@code alive}: the thread is still listening (at least every {@code checkMillis}).
     */
    RevisionChannel(DataSource pool, long checkMillis, Runnable changed, LongSupplier known, Runnable alive) {
        this.pool = pool;
        this.checkMillis = checkMillis;
        this.changed = changed;
        this.known = known;
        this.alive = alive;
    }

    /**
     * Listens until {@link #close} (true) or until the connection breaks or cannot be had (false: the caller polls the
     * revision once, which also tells whether the database is away). Run on one thread at a time.
     */
    boolean listen() {
        if (closed) {
            return true;
        }
        try (Connection c = pool.getConnection()) {
            try {
                return listenOn(c);
            } finally {
                listening = null;
                giveBack(c);
            }
        } catch (SQLException | RuntimeException e) {
            if (closed) {
                return true;
            }
            if (!failing) {
                failing = true;
                LOG.log(Level.INFO, "Not listening for configuration changes (polling the revision meanwhile): " + e);
            }
            return false;
        }
    }

    private boolean listenOn(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        Connection physical = (Connection) pg;
        try (Statement s = c.createStatement()) {
            s.execute("listen " + CHANNEL);
        }
        // the pool's connections have no socket timeout: a revision read that hangs (a cut network) fails after this
        // instead of holding the thread (the waits for notifications set their own)
        physical.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
        listening = physical;
        if (closed) {
            return true; // closed before the connection could be ended from outside
        }
        if (failing) {
            failing = false;
            LOG.info("Listening for configuration changes again");
        }
        changed.run();
        while (!closed) {
            alive.run();
            PGNotification[] notes = pg.getNotifications((int) checkMillis);
            if (closed) {
                break;
            }
            if ((notes != null && notes.length > 0) || revision(c) != known.getAsLong()) {
                changed.run();
            }
        }
        return true;
    }

    /**
     * The connection goes back to the pool as it came: a pooled connection still listening would gather
     * notifications nobody reads. A broken one fails here, and the pool drops it (its exception sorter, or its
     * check when it hands it out next).
     */
    private static void giveBack(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("unlisten *");
            ((Connection) c.unwrap(PGConnection.class)).setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "The listening connection is broken", e);
        }
    }

    /**
     * Ends a {@link #listen} at once, from another thread, and every one after it (the application stops): a
     * notification of its own wakes the waiting read, so the connection goes back to the pool whole (closed under
     * the read, the pool logged two warnings at every stop when it dropped it); closed under the read only if the
     * notification cannot be sent.
     */
    void close() {
        closed = true;
        Connection c = listening;
        if (c == null || notifyStop()) {
            return;
        }
        try {
            c.abort(Runnable::run); // the socket closed under the waiting read, which then fails
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing the listening connection", e);
        }
    }

    private boolean notifyStop() {
        try (Connection other = pool.getConnection();
                Statement s = other.createStatement()) {
            s.execute("select pg_notify('" + CHANNEL + "', 'stop')"); // other servers listening read the revision
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot wake the listening connection", e);
            return false;
        }
    }

    private static long revision(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(REVISION)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
