package org.argusee.tree.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.platform.boundary.DatabaseState;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.NewProblems;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.tree.control.WrittenRows;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the live snapshot of the tree. Readers take {@link #snapshot()} without locking; a rebuild happens after
 * every write made through the application (observed after commit, so the writer reads its own write) and when
 * the revision counter moved because someone changed the tables directly: told at once by the database
 * ({@link RevisionChannel}, LISTEN on a connection of the application's pool kept for it), or, while it cannot
 * listen, polled every {@code argus.tree.poll-interval} ms (1 s) as before. The thread is a plain one of its own
 * ({@link BackgroundTasks}), not an EJB timer: the timer service's hand-off, interceptors and transaction handling
 * cost more than the poll's one query (issue 17, the idle server). A poll that reads the revision tells
 * {@link DatabaseState} the database answered or is away.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TreeCache {

    private static final Logger LOG = Logger.getLogger(TreeCache.class.getName());
    /** A rebuild slower than this is logged at INFO with where its time went. */
    private static final long SLOW_NANOS = 200_000_000;
    /** How long polls leave the tree to a write through the application at most ({@link #writing}). */
    private static final long WRITE_WAIT_NANOS = 5_000_000_000L;
    /**
     * How long a listening connection waits for a notification before it reads the revision itself: at most this
     * long to notice a connection that died without a word (a cut network) or a revision moved without a
     * notification; well within the liveness check's {@link TreePollLiveness#STALE}.
     */
    static final long CHECK_MILLIS = 30_000;

    @Inject
    TreeStore store;

    @Inject
    Event<TreeReloaded> reloaded;

    @Inject
    BackgroundTasks background;

    @Inject
    DatabaseState database;

    @Inject
    @ConfigProperty(name = "argus.tree.poll-interval", defaultValue = "1000")
    long pollMillis;

    private final ParameterCatalog catalog = ParameterCatalog.standard();
    private volatile TreeSnapshot snapshot = TreeSnapshot.empty();
    /** The rows the snapshot was built from; only under this object's lock. Null until the first read. */
    private LoadedRows rows;

    private volatile Instant lastPoll = Instant.now();
    private volatile boolean failing;
    /** When a write through the application last fired its change, and when one was last applied (nanoTime). */
    private volatile long writeFired;

    private volatile long writeApplied;

    private ScheduledFuture<?> polling;

    /** The listening's connection comes from here. */
    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource pool;

    private RevisionChannel channel;

    @PostConstruct
    void start() {
        refresh();
        channel = new RevisionChannel(
                pool, CHECK_MILLIS, this::poll, () -> snapshot.revision(), () -> lastPoll = Instant.now());
        background.whenStopping(channel::close);
        long interval = Math.max(100, pollMillis);
        // a fixed delay: a poll that waits for the database delays the next rather than piling up behind it
        polling = background.scheduleWithFixedDelay(this::turn, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        channel.close();
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /**
     * Listens while it can (returns when the connection breaks); polls once when it cannot. While the database is
     * known to be away only the poll tries it, once a turn as before; once it answers again, the next turn listens.
     */
    private void turn() {
        if (!database.available() || !channel.listen()) {
            poll();
        }
    }

    public TreeSnapshot snapshot() {
        return snapshot;
    }

    public ParameterCatalog catalog() {
        return catalog;
    }

    /** When the poll last ran, failed or not: the liveness check looks at it. */
    public Instant lastPoll() {
        return lastPoll;
    }

    void poll() {
        lastPoll = Instant.now();
        try {
            refresh(true);
            database.reached();
            if (failing) {
                failing = false;
                LOG.info("Configuration poll works again");
            }
        } catch (RuntimeException e) {
            database.failed(e);
            // log the first failure, not one a second while the database is away
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot read the configuration revision; keeping the last tree", e);
            }
        }
    }

    /**
     * In the writer's transaction: the change comes after the commit ({@link #afterWrite}), so a poll meanwhile would
     * see the revision move and read the whole tree for it (2-3 s at 100,000 services, while the change waits). Polls
     * wait for it, {@link #WRITE_WAIT_NANOS} at most (a write that fails says nothing). Not under the lock.
     */
    public void writing(@Observes TreeChanged change) {
        writeFired = System.nanoTime();
    }

    /**
     * A change made through the application: if the snapshot is at the revision just before the change's own (or at
     * it), only
     * the subtrees it names are read again and patched into the rows (issue 17); otherwise (another change came in
     * between, or the change did not say) the whole tree is read.
     */
    public synchronized void afterWrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) TreeChanged change) {
        TreeSnapshot previous = snapshot;
        // at the change's own revision already: a full read after the commit, or another change of the same
        // transaction applied first; reading the subtrees again is then harmless, and needed in the second case
        boolean known = previous.revision() == change.revision() - 1 || previous.revision() == change.revision();
        writeApplied = System.nanoTime();
        if (rows == null || change.subtrees().isEmpty() || change.revision() <= 0 || !known) {
            refresh();
            return;
        }
        long start = System.nanoTime();
        Set<Long> ids = previous.subtrees(change.subtrees()); // null: rows were left out, only they know
        ids = ids != null ? ids : rows.subtrees(change.subtrees());
        WrittenRows inserted = change.inserted();
        // what the change inserted is known as stored: only the rows held before are read again, not these
        TreeStore.Delta delta = inserted == null ? store.readSubtrees(ids) : store.readObjects(ids);
        long read = System.nanoTime();
        rows.patch(delta.ids(), delta.rows());
        Set<Long> changed = delta.ids();
        if (inserted != null && !inserted.ids().isEmpty()) {
            rows.patch(inserted.ids(), inserted.objects(), inserted.params());
            changed = new HashSet<>(delta.ids());
            changed.addAll(inserted.ids());
        }
        publish(previous, rows.rebuild(previous, changed, change.revision(), catalog), changed, start, read);
    }

    /**
     * Reads the whole tree again if the database moved on (one small query says so; a write that changed nothing
     * costs no rebuild); one rebuild at a time.
     */
    public synchronized TreeSnapshot refresh() {
        return refresh(false);
    }

    /**
     * {@code polled}: a write through the application whose change has not come yet ({@link #writing}) is left to its
     * {@link #afterWrite} (issue 17). Looked at after the revision: a write that moved it fired before its commit.
     */
    private synchronized TreeSnapshot refresh(boolean polled) {
        TreeSnapshot previous = snapshot;
        if (previous.size() > 0 && rows != null && store.revision() == previous.revision()) {
            return previous;
        }
        if (polled
                && rows != null
                && writeFired - writeApplied > 0
                && System.nanoTime() - writeFired < WRITE_WAIT_NANOS) {
            return previous;
        }
        long start = System.nanoTime();
        TreeStore.Loaded loaded = store.loadAll();
        long read = System.nanoTime();
        rows = loaded.rows();
        return publish(previous, rows.build(loaded.revision(), catalog), Set.of(), start, read);
    }

    private TreeSnapshot publish(TreeSnapshot previous, TreeSnapshot next, Set<Long> changed, long start, long read) {
        long built = System.nanoTime();
        snapshot = next;
        NewProblems.log(previous, next, changed, !changed.isEmpty() && rows.lastPatched());
        reloaded.fire(new TreeReloaded(previous, next, changed, !changed.isEmpty() && rows.lastPatched()));
        long told = System.nanoTime();
        LOG.log(
                told - start > SLOW_NANOS ? Level.INFO : Level.FINE,
                () -> "Tree at revision " + next.revision() + ": " + next.size() + " objects, "
                        + (changed.isEmpty() ? "all" : changed.size()) + " read in " + (read - start) / 1_000_000
                        + " ms, built in " + (built - read) / 1_000_000 + " ms ("
                        + (!changed.isEmpty() && rows.lastPatched() ? "from the previous one" : "whole")
                        + "), observers "
                        + (told - built) / 1_000_000 + " ms");
        return next;
    }
}
