package org.argusee.status.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.platform.boundary.DatabaseState;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.LeaseMoved;
import org.argusee.platform.control.MasterRole;
import org.argusee.tree.boundary.TreeCache;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves queued changes from {@link StatusBoard} to the database in rounds, each one transaction, at most one every
 * 100 ms: thousands of probes a second become ten transactions a second at most. A round runs when the board hands
 * it something, at most 100 ms after the last one, or when timed work is due ({@link WriterWakeup},
 * {@link WriterChores}); an idle server's writer sleeps. The gap is short because a change reaches the live pages
 * only after its commit (issue 12: a change on every open page within 250 ms at p99; with 250 ms rounds the
 * quiet-machine p99 was 300 ms, docs/benchmarks.md). If the database is away, they wait in a bounded
 * {@link WriteQueue} ({@code argus.status.queue-max} rows) and are stored in order, at most {@value #CHUNK} rows a
 * transaction, once it is back; meanwhile a try once a second, and readers see the live states.
 * Once a minute it also stores the services' check times and results (kept in memory meanwhile), and once an
 * hour drops samples past their age. On the standby of a master pair it writes nothing and reads what the active
 * one stored instead (issue 16); every write checks the lease in its transaction (fencing). At startup it gives the
 * board what was stored, before anything is probed (the scheduler depends on this bean).
 */
@Singleton
@Startup
@DependsOn("TreeCache")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusWriter {

    static final long FLUSH_MILLIS = 100;
    /** Rows in one transaction: a long outage's queue is stored in parts, each whole or not at all. */
    static final int CHUNK = 20_000;

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
    DatabaseState database;

    @Inject
    @ConfigProperty(name = "argus.status.queue-max", defaultValue = "200000")
    int queueMax;

    @Inject
    MasterLease lease;

    @Inject
    BackgroundTasks background;

    @Inject
    Event<StatusesShown> shown;

    @Inject
    StandbyReads reads;

    private QuietWork quiet;

    private WriteQueue waiting;
    private final WriteOutage outage = new WriteOutage();
    private final WriterChores chores = new WriterChores();
    private ScheduledFuture<?> rounds;
    private boolean stopped;

    @PostConstruct
    void start() {
        waiting = new WriteQueue(queueMax);
        quiet = new QuietWork(database);
        try {
            board.startCombining();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot prepare the combined statuses (DARP reports); they start from none", e);
        }
        try {
            board.restore(store.load(), cache.snapshot());
            reads.read(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the stored statuses; every object starts unknown", e);
        }
        next();
    }

    /**
     * The rounds, on a thread of their own (a suspended container, a shutdown's first step, refuses EJB timers with an
     * ERROR each, yet rounds go on to the end): one task waiting for each round, started again should it ever end.
     */
    private void next() {
        Runnable rounds = () -> board.wakeup().run(this::round, this::nextDue, FLUSH_MILLIS);
        this.rounds = background.scheduleWithFixedDelay(rounds, 0, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** When the next round is due if the board hands nothing over (epoch ms). */
    private synchronized long nextDue() {
        return chores.next(Instant.now(), outage.failing(), !lease.role().active(), board.graph());
    }

    private void round() {
        try {
            flush();
        } catch (RuntimeException e) { // a round that throws would end the rounds: log it, the next one tries again
            LOG.log(Level.WARNING, "Status writer round failed", e);
        }
    }

    private synchronized void flush() {
        if (stopped) {
            return;
        }
        Instant now = Instant.now();
        if (!lease.role().active()) {
            standby(now);
            return;
        }
        board.tick(now);
        StatusBatch fresh = board.drain();
        queue(fresh);
        if (chores.write(now, outage.failing())) {
            write();
        }
        if (outage.failing()) {
            // the database is away: readers see the live states, so the live pages get them too (again once stored)
            announce(fresh);
        }
        if (chores.touch(now)) {
            quiet.run("store check times", () -> RefusedRows.touchAround(board.checksToStore(), store::touch));
        }
        if (chores.prune(now)) {
            quiet.run("drop old samples", () -> store.prune(now));
        }
    }

    /**
     * The standby of a master pair writes nothing: what its board worked out is dropped, and every
     * {@link WriterChores#RESYNC_EVERY} it reads what the active one stored, so its reads stay fresh.
     */
    private void standby(Instant now) {
        board.drain();
        if (chores.resync(now)) {
            quiet.run("read what the active server stored", this::resync);
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
        waiting = new WriteQueue(queueMax);
        board.drainAll();
        resync();
        board.drainAll();
        chores.resynced(Instant.now());
        board.wakeup().arrived(); // the next round's due time changes with the role
    }

    private void resync() {
        Instant at = Instant.now();
        board.resync(store.load(), cache.snapshot());
        reads.read(at);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        board.wakeup().stop();
        if (rounds != null) {
            rounds.cancel(false);
        }
        if (!lease.role().active()) {
            return;
        }
        queue(board.drainAll());
        write();
        if (!waiting.isEmpty()) {
            LOG.severe("Stopping with " + waiting.size() + " status changes and samples not stored: the database"
                    + " cannot be reached (" + outage.droppedTotal() + " more were dropped before)");
        }
        quiet.run("store check times", () -> RefusedRows.touchAround(board.checksToStore(), store::touch));
    }

    private void queue(StatusBatch fresh) {
        WriteQueue.Dropped now = waiting.add(fresh);
        metrics.queued(waiting.size());
        if (now.total() == 0) {
            return;
        }
        metrics.dropped(now.total());
        outage.dropped(now, waiting.max());
    }

    /**
     * Stores what waits, a chunk at a time, until all is stored or a write fails; a chunk refused for what a row holds
     * is stored around that row ({@link RefusedRows}).
     */
    private void write() {
        while (!waiting.isEmpty()) {
            StatusBatch batch = waiting.peek(CHUNK);
            try {
                try {
                    long start = System.nanoTime();
                    store.store(batch);
                    metrics.batch(Duration.ofNanos(System.nanoTime() - start), batch.size());
                } catch (RuntimeException e) {
                    if (!RefusedRows.refused(e)) {
                        throw e;
                    }
                    RefusedRows.storeAround(batch, e, store::store, this::done);
                    continue;
                }
            } catch (RuntimeException e) {
                if (LeaseMoved.in(e)) {
                    // the other server is active: nothing of this epoch is stored
                    LOG.warning(
                            () -> "Master pair: " + waiting.size() + " status change(s) refused, the lease moved on");
                    waiting = new WriteQueue(queueMax);
                    return;
                }
                failed(e);
                return;
            }
            done(batch, false);
        }
        if (outage.failing()) {
            resumed();
        }
    }

    /** Stored, or set aside as refused: it leaves the queue, and readers and live pages see its states. */
    private void done(StatusBatch batch, boolean setAside) {
        waiting.stored(batch);
        board.stored(batch);
        announce(batch);
        if (setAside) {
            metrics.refused(batch.size());
        } else {
            database.reached();
        }
        metrics.queued(waiting.size());
    }

    private void failed(RuntimeException e) {
        database.failed(e);
        if (outage.failed(e, waiting.size(), waiting.max())) {
            board.behind(true);
        }
    }

    private void resumed() {
        outage.resumed();
        board.behind(false);
    }

    /** After the board shows the batch (see {@link StatusesShown}); an observer's failure does not undo it. */
    private void announce(StatusBatch batch) {
        List<StatusesShown.Shown> changes = batch.statuses().stream()
                .filter(r -> r.change().announced())
                .map(r -> new StatusesShown.Shown(r.objectId(), r.fullName()))
                .toList();
        if (!changes.isEmpty()) {
            quiet.run("announce stored changes", () -> shown.fire(new StatusesShown(changes)));
        }
    }
}
