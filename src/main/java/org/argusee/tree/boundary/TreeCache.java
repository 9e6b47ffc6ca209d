package org.argusee.tree.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.tree.control.ConfigProblem;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the live snapshot of the tree. Readers take {@link #snapshot()} without locking; a rebuild happens after
 * every write made through the application (observed after commit, so the writer reads its own write) and when
 * the revision counter moved because someone changed the tables directly (polled, by default every second).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TreeCache {

    private static final Logger LOG = Logger.getLogger(TreeCache.class.getName());
    /** A rebuild slower than this is logged at INFO with where its time went. */
    private static final long SLOW_NANOS = 200_000_000;

    @Inject
    TreeStore store;

    @Inject
    Event<TreeReloaded> reloaded;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "argus.tree.poll-interval", defaultValue = "1000")
    long pollMillis;

    private final ParameterCatalog catalog = ParameterCatalog.standard();
    private volatile TreeSnapshot snapshot = TreeSnapshot.empty();
    private volatile Instant lastPoll = Instant.now();
    private volatile boolean failing;

    @PostConstruct
    void start() {
        refresh();
        long interval = Math.max(100, pollMillis);
        timers.createIntervalTimer(interval, interval, new TimerConfig("tree-revision-poll", false));
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

    @Timeout
    void poll() {
        lastPoll = Instant.now();
        try {
            refresh();
            if (failing) {
                failing = false;
                LOG.info("Configuration poll works again");
            }
        } catch (RuntimeException e) {
            // log the first failure, not one a second while the database is away
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot read the configuration revision; keeping the last tree", e);
            }
        }
    }

    public void afterWrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) TreeChanged change) {
        refresh();
    }

    /**
     * Rebuilds the snapshot if the database moved on (one small query says so; a write that changed nothing costs
     * no rebuild); one rebuild at a time.
     */
    public synchronized TreeSnapshot refresh() {
        TreeSnapshot previous = snapshot;
        if (previous.size() > 0 && store.revision() == previous.revision()) {
            return previous;
        }
        long start = System.nanoTime();
        TreeSnapshot next = store.load(catalog);
        long loaded = System.nanoTime();
        snapshot = next;
        logNewProblems(previous.problems(), next.problems());
        reloaded.fire(new TreeReloaded(previous, next));
        long told = System.nanoTime();
        LOG.log(
                told - start > SLOW_NANOS ? Level.INFO : Level.FINE,
                () -> "Tree at revision " + next.revision() + ": " + next.size() + " objects, read and built in "
                        + (loaded - start) / 1_000_000 + " ms, observers " + (told - loaded) / 1_000_000 + " ms");
        return next;
    }

    private static void logNewProblems(List<ConfigProblem> before, List<ConfigProblem> after) {
        Set<ConfigProblem> known = new HashSet<>(before);
        for (ConfigProblem p : after) {
            if (!known.contains(p)) {
                LOG.warning(() -> "Configuration problem in " + p.object() + " (" + p.field() + "): " + p.message());
            }
        }
    }
}
