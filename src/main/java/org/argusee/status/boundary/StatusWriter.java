package org.argusee.status.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.LeaseMoved;
import org.argusee.platform.control.MasterRole;
import org.argusee.tree.boundary.TreeCache;

/**
 * Moves queued changes from {@link StatusBoard} to the database every 100 ms, in one transaction: thousands of
 * probes a second become ten transactions a second at most. The round is short because a change reaches the live
 * pages only after its commit (issue 12: a change on every open page within 250 ms at p99; with 250 ms rounds the
 * quiet-machine p99 was 300 ms, docs/benchmarks.md). If the database is away, they wait for the next round.
 * Once a minute it also stores the services' check times and results (kept in memory meanwhile), and once an
 * hour drops samples past their age. On the standby of a master pair it writes nothing and reads what the active
 * one stored instead (issue 16); every write checks the lease in its transaction (fencing). At startup it gives the board what was stored, before anything is probed
 * (the scheduler depends on this bean).
 */
@Singleton
@Startup
@DependsOn("TreeCache")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusWriter {

    static final long FLUSH_MILLIS = 100;
    private static final Duration RESYNC_EVERY = Duration.ofSeconds(5);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());

    @Inject
    StatusBoard board;

    @Inject
    StatusStore store;

    @Inject
    TreeCache cache;

    @Inject
    StatusMetrics metrics;

    @Inject
    MasterLease lease;

    @Resource
    TimerService timers;

    @Inject
    Event<StatusesShown> shown;

    private StatusBatch waiting = StatusBatch.EMPTY;
    private boolean failing;
    private Instant touched = Instant.now();
    private Instant pruned = Instant.EPOCH;
    private Instant resynced = Instant.EPOCH;

    @PostConstruct
    void start() {
        try {
            board.startCombining();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot prepare the combined statuses (DARP reports); they start from none", e);
        }
        try {
            board.restore(store.load(), cache.snapshot());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the stored statuses; every object starts unknown", e);
        }
        next();
    }

    /**
     * One round, then the next one 100 ms after it ends: a single-action timer each time rather than an interval
     * timer, so a slow round (the database busy) delays the next instead of piling rounds up behind it.
     */
    @Timeout
    void round() {
        try {
            flush();
        } finally {
            next();
        }
    }

    private void next() {
        try {
            timers.createSingleActionTimer(FLUSH_MILLIS, new TimerConfig("status-writer", false));
        } catch (IllegalStateException | jakarta.ejb.EJBException e) {
            LOG.fine("Status writer not rescheduled: the application is stopping");
        }
    }

    private synchronized void flush() {
        Instant now = Instant.now();
        if (!lease.role().active()) {
            standby(now);
            return;
        }
        board.tick(now);
        write(board.drain());
        if (!now.isBefore(touched.plus(TOUCH_EVERY))) {
            touched = now;
            quietly("store check times", () -> store.touch(board.checksToStore()));
        }
        if (!now.isBefore(pruned.plus(PRUNE_EVERY))) {
            pruned = now;
            quietly("drop old samples", () -> store.prune(now));
        }
    }

    /**
     * The standby of a master pair writes nothing: what its board worked out is dropped, and every
     * {@link #RESYNC_EVERY} it reads what the active one stored, so its reads stay fresh.
     */
    private void standby(Instant now) {
        board.drain();
        if (!now.isBefore(resynced.plus(RESYNC_EVERY))) {
            resynced = now;
            quietly("read what the active server stored", this::resync);
        }
    }

    /**
     * The lease changed hands (sent before the change takes effect): anything still waiting belongs to an epoch
     * that is over or to none, so it is dropped, and the board catches up with the database before this server
     * probes as the active one, or after it stopped being it.
     */
    public synchronized void roleChanged(@Observes MasterRole role) {
        if (!waiting.isEmpty()) {
            LOG.warning(() -> "Master pair: " + waiting.size() + " status change(s) of the old epoch not stored");
        }
        waiting = StatusBatch.EMPTY;
        board.drainAll();
        resync();
        board.drainAll();
        resynced = Instant.now();
    }

    private void resync() {
        board.resync(store.load(), cache.snapshot());
    }

    @PreDestroy
    synchronized void stop() {
        if (!lease.role().active()) {
            return;
        }
        write(board.drainAll());
        quietly("store check times", () -> store.touch(board.checksToStore()));
    }

    private void write(StatusBatch fresh) {
        StatusBatch batch = waiting.then(fresh);
        if (batch.isEmpty()) {
            return;
        }
        try {
            long start = System.nanoTime();
            store.store(batch);
            metrics.batch(Duration.ofNanos(System.nanoTime() - start), batch.size());
            board.stored(batch);
            waiting = StatusBatch.EMPTY;
            announce(batch);
            if (failing) {
                failing = false;
                LOG.info("Status changes are stored again");
            }
        } catch (RuntimeException e) {
            if (LeaseMoved.in(e)) {
                waiting = StatusBatch.EMPTY; // the other server is active: nothing of this epoch is stored
                LOG.warning(() -> "Master pair: " + batch.size() + " status change(s) refused, the lease moved on");
                return;
            }
            waiting = batch;
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot store status changes; keeping " + batch.size() + " for the next try", e);
            }
        }
    }

    /** After the board shows the batch (see {@link StatusesShown}); an observer's failure does not undo it. */
    private void announce(StatusBatch batch) {
        List<StatusesShown.Shown> changes = batch.statuses().stream()
                .filter(r -> r.change().announced())
                .map(r -> new StatusesShown.Shown(r.objectId(), r.fullName()))
                .toList();
        if (!changes.isEmpty()) {
            quietly("announce stored changes", () -> shown.fire(new StatusesShown(changes)));
        }
    }

    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot " + what + "; trying again later", e);
        }
    }
}
