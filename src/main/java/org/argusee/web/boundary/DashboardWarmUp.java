package org.argusee.web.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.control.Roles;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Viewer;

/**
 * Works the dashboard's first answers out once in the background, so the first person who opens it does not wait
 * for the cold code: at 100,000 services the first summary took 5.5 s under load where the next ones took 1.2-1.9 s
 * (issue 12, docs/benchmarks.md), the difference being code run for the first time (class loading, the interpreter
 * until the JIT compiled the walk over every object) rather than data. Logs how long the cold and the warm rounds
 * took, which measures it without a client. Triggered by a tree being loaded: the one at start (some seconds later,
 * once the application is up and the stored statuses are on the board), and any later one of at least
 * {@value #LARGE} objects (an import, an edit: the walk meets a new snapshot, whose names are worked out on first
 * use). A CDI bean, not a startup EJB: the tree cache fires its first reload inside its own start, and a startup
 * singleton that observed it deadlocked the deployment (it waited for the cache, the cache for it).
 */
@ApplicationScoped
public class DashboardWarmUp {

    private static final Logger LOG = Logger.getLogger(DashboardWarmUp.class.getName());
    static final int ROUNDS = 3;
    static final int LARGE = 10_000;
    static final long DELAY_SECONDS = 10;
    /** Sees everything, as the largest answers need; a name no user can have (a space). */
    private static final Viewer WARMING = new Viewer("warm up", Set.of(Roles.ADMIN));

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    TreeCache cache;

    @Inject
    Dashboard dashboard;

    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    /** Only schedules: it runs on the tree cache's thread, inside its lock. */
    void treeReloaded(@Observes TreeReloaded reloaded) {
        boolean first = started.compareAndSet(false, true);
        if ((first || reloaded.current().size() >= LARGE) && pending.compareAndSet(false, true)) {
            try {
                executor.schedule(this::warm, DELAY_SECONDS, TimeUnit.SECONDS);
            } catch (RejectedExecutionException e) {
                pending.set(false);
                LOG.log(Level.FINE, "No dashboard warm-up: the server is stopping", e);
            }
        }
    }

    void warm() {
        try {
            StringBuilder took = new StringBuilder();
            TreeSnapshot tree = cache.snapshot();
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                dashboard.summary(tree, WARMING, 200, 0);
                long summary = System.nanoTime();
                dashboard.children(tree, WARMING, "Top", null, null, 1000, 0);
                long end = System.nanoTime();
                took.append(i == 0 ? "" : ", ")
                        .append((summary - start) / 1_000_000)
                        .append('+')
                        .append((end - summary) / 1_000_000);
            }
            LOG.info("Dashboard warmed up at " + tree.size() + " objects; summary+children in ms, cold first: " + took);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The dashboard warm-up failed; the first page load does it instead", e);
        } finally {
            pending.set(false);
        }
    }
}
