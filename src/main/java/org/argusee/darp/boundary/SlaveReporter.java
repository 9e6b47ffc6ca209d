package org.argusee.darp.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.link.MasterLink;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.status.boundary.StatusChanged;
import org.argusee.status.boundary.StatusReader;
import org.argusee.status.boundary.StatusView;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.Status;
import org.argusee.status.control.Transition;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/**
 * On a slave, reports local statuses to the master: each transition at once (after it is stored), and every
 * {@link #RECONCILE_SECONDS} s whatever the stored statuses hold that was not reported yet: a service's first
 * status (which is no transition), an override, and everything after a restart of the slave. Only what differs
 * from the last report of an object goes.
 */
@ApplicationScoped
public class SlaveReporter {

    static final long RECONCILE_SECONDS = 10;
    private static final int CHUNK = 1000;
    private static final Logger LOG = Logger.getLogger(SlaveReporter.class.getName());

    private record Reported(String status, String severity, String reason, boolean override, ReportItem.Told told) {
        static Reported of(ReportItem i) {
            return new Reported(i.status(), i.severity(), i.reason(), i.override(), i.told());
        }
    }

    @Inject
    DarpSettings settings;

    @Inject
    SlaveRunner runner;

    @Inject
    StatusReader statuses;

    @Inject
    TreeCache cache;

    @Inject
    ToldLedger told;

    @Inject
    BackgroundTasks scheduler;

    private final Map<String, Reported> reported = new ConcurrentHashMap<>();
    /** The last item reported of each object, to report it again at once when a notification of it went out. */
    private final Map<String, ReportItem> lastItems = new ConcurrentHashMap<>();

    private ScheduledFuture<?> reconciling;

    void start(@Observes Startup startup) {
        if (settings.hasMaster()) {
            reconciling = scheduler.scheduleWithFixedDelay(
                    this::reconcile, RECONCILE_SECONDS, RECONCILE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (reconciling != null) {
            reconciling.cancel(false);
        }
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        if (!settings.hasMaster()) {
            return;
        }
        Transition t = change.transition();
        boolean up = t.to() == Status.UP;
        boolean override = change.shown() != null && change.shown().state() == DisplayState.OVERRIDE;
        report(new ReportItem(
                0,
                change.fullName(),
                t.to().label(),
                up ? "clear" : t.toSeverity().label(),
                up ? null : t.reason(),
                t.at(),
                override,
                told.sentOf(change.fullName()).orElse(null)));
    }

    void reconcile() {
        try {
            List<TreeNode> services = cache.snapshot()
                    .nodes()
                    .filter(n -> n.kind() == ObjectKind.SERVICE)
                    .toList();
            Set<String> names = new HashSet<>();
            for (int from = 0; from < services.size(); from += CHUNK) {
                List<TreeNode> chunk = services.subList(from, Math.min(services.size(), from + CHUNK));
                Map<Long, StatusView> stored =
                        statuses.statuses(chunk.stream().map(TreeNode::id).toList());
                for (TreeNode s : chunk) {
                    names.add(s.fullName());
                    StatusView v = stored.get(s.id());
                    if (v != null && ("up".equals(v.status()) || "down".equals(v.status()))) {
                        report(item(s.fullName(), v, told.sentOf(s.fullName()).orElse(null)));
                    }
                }
            }
            reported.keySet().retainAll(names);
            lastItems.keySet().retainAll(names);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: cannot compare the stored statuses with what the master was told", e);
        }
    }

    /**
     * A notification of the object went out from here: the master hears it at once with the object's last report,
     * not at the next reconcile, so that a master back after a failover, holding its own notification of the same
     * state for a few seconds, learns in time that this one was told. What this server only stored to tell is not
     * reported: if it is never sent (its SMTP server away, this server dead), the master must tell it.
     */
    void toldSent(@Observes(during = TransactionPhase.AFTER_SUCCESS) ToldNoted noted) {
        ReportItem last = settings.hasMaster() ? lastItems.get(noted.item().object()) : null;
        if (last != null) {
            report(last.withTold(told.sentOf(last.object()).orElse(null)));
        }
    }

    /** Before the link exists nothing is noted as reported: the next reconcile sends it. */
    private void report(ReportItem item) {
        Optional<MasterLink> link = runner.link();
        Reported now = Reported.of(item);
        lastItems.put(item.object(), item);
        if (link.isEmpty() || Objects.equals(reported.put(item.object(), now), now)) {
            return;
        }
        link.get().report(item);
    }

    private static ReportItem item(String fullName, StatusView v, ReportItem.Told toldHere) {
        boolean up = "up".equals(v.status());
        Instant at = v.checkedAt() != null ? v.checkedAt() : v.since() != null ? v.since() : Instant.now();
        return new ReportItem(
                0,
                fullName,
                v.status(),
                up ? "clear" : v.severity(),
                up ? null : v.reason(),
                at,
                "override".equals(v.displayStatus()),
                toldHere);
    }
}
