package org.argusee.web.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.control.Roles;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Viewer;

/**
 * Works the dashboard's first answers out once in the background when the server starts, so the first person who
 * opens it does not wait for the cold code: at 100,000 services the first summary took 5.5 s under load where the
 * next ones took 1.2-1.9 s (issue 12, docs/benchmarks.md), the difference being code run for the first time (class
 * loading, the interpreter until the JIT compiled the walk over every object) rather than data. Logs how long the
 * cold and the warm rounds took, which measures it without a client. After the stored statuses are on the board
 * (the status writer), so the rounds walk the states a page will get. Again after a tree of at least
 * {@value #LARGE} objects is loaded (an import, an edit): the walk meets a new snapshot (its names are worked out on
 * first use) and, the first time, code that a small tree never ran hot.
 */
@Singleton
@Startup
@DependsOn("StatusWriter")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DashboardWarmUp {

    private static final Logger LOG = Logger.getLogger(DashboardWarmUp.class.getName());
    static final int ROUNDS = 3;
    static final int LARGE = 10_000;
    /** Sees everything, as the largest answers need; a name no user can have (a space). */
    private static final Viewer WARMING = new Viewer("warm up", Set.of(Roles.ADMIN));

    @Resource
    ManagedExecutorService executor;

    @Inject
    TreeCache cache;

    @Inject
    Dashboard dashboard;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        submit();
    }

    /** Public: an observer on a session bean must be a business method. */
    public void treeReloaded(@Observes TreeReloaded reloaded) {
        if (reloaded.current().size() >= LARGE) {
            submit();
        }
    }

    /** One warm-up at a time: a reload during one is warm enough after it. */
    private void submit() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.submit(this::warm);
        } catch (RejectedExecutionException e) {
            running.set(false);
            LOG.log(Level.FINE, "No dashboard warm-up: the server is stopping", e);
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
            LOG.log(Level.WARNING, "The dashboard warm-up failed; the first page load does it instead", e);
        } finally {
            running.set(false);
        }
    }
}
