package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeSnapshot;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps {@code argus.darp_told} bounded: every {@link #PERIOD_MINUTES} minutes (first a minute after the start) the
 * rows of objects gone from the tree and the 'up' rows older than
 * {@code argus.notify.told-keep-days} go ({@link ToldStore#prune}). Between prunes the table holds at most one row
 * per object and teller.
 */
@ApplicationScoped
public class ToldPruning {

    static final long PERIOD_MINUTES = 60;
    private static final Logger LOG = Logger.getLogger(ToldPruning.class.getName());

    @Inject
    ToldLedger ledger;

    @Inject
    TreeCache cache;

    /** How long a told 'up' is remembered: a master back after longer may tell that recovery again. */
    @Inject
    @ConfigProperty(name = "argus.notify.told-keep-days", defaultValue = "7")
    int keepDays;

    @Inject
    BackgroundTasks scheduler;

    private ScheduledFuture<?> pruning;

    void start(@Observes Startup startup) {
        pruning = scheduler.scheduleWithFixedDelay(this::prune, 1, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.cancel(false);
        }
    }

    void prune() {
        try {
            TreeSnapshot tree = cache.snapshot();
            Set<String> gone = ledger.objects().stream()
                    .filter(name -> tree.find(name).isEmpty())
                    .collect(Collectors.toSet());
            int n = ledger.prune(gone, keepDays);
            if (n > 0) {
                LOG.info(() -> "DARP: " + n + " note(s) of what was told pruned (objects gone, old recoveries)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: the notes of what was told cannot be pruned now", e);
        }
    }
}
