package org.argusee.darp.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.combine.CombinedServices;
import org.argusee.darp.control.combine.CombinedStatus;
import org.argusee.darp.control.combine.DarpOutcome;
import org.argusee.darp.control.combine.DarpReport;
import org.argusee.darp.control.combine.DarpState;
import org.argusee.darp.control.combine.JointStatuses;
import org.argusee.darp.control.combine.LastReport;
import org.argusee.darp.control.combine.Recombination;
import org.argusee.darp.control.combine.ReportBook;
import org.argusee.darp.control.combine.ReportCombiner;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.ServiceCombiner;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The master's combined statuses, live: for every service it combines (see {@link Recombination}), this
 * server's own result and each slave's last report go through {@link ReportCombiner}, and the outcome is what
 * the status board shows (its groups, the dashboard and the notifications follow from there).
 * <p>
 * Everything is in memory: the slaves' last reports ({@link ReportBook}, read from {@code argus.darp_report} at
 * startup, then kept up to date after each stored message) and the last combined status of each service (the
 * quorums need it). The board calls {@link #combine} under its lock, for a probe's result or a recombination;
 * this bean asks the board to recombine when a report is stored, a slave connects or disconnects, or the peers
 * change. Combining under the board's lock serialises it, so the previous outcome each quorum looks at is the one
 * really shown.
 */
@ApplicationScoped
public class MasterCombiner implements ServiceCombiner {

    private static final Logger LOG = Logger.getLogger(MasterCombiner.class.getName());

    /** The last combined status of a service and the status it gave; {@code shown} null while nobody reported. */
    public record Last(CombinedStatus combined, ServiceStatus shown) {}

    @Inject
    DarpHere here;

    @Inject
    SlaveStreams streams;

    @Inject
    ReportIntake intake;

    @Inject
    StatusBoard board;

    @Inject
    DarpCombineMetrics metrics;

    private final ReportBook book = new ReportBook();
    private final CombinedServices combined = new CombinedServices();
    private final Map<Long, Last> last = new ConcurrentHashMap<>();
    /** {@link #here} itself, taken from its proxy at the first combine (see {@link DarpHere#instance}). */
    private volatile DarpHere hereItself;

    private Set<String> linksSeen = Set.of();

    @Override
    public void start() {
        here.topology(); // read now, not first under the board's lock
        Map<Long, List<LastReport>> stored = intake.all();
        book.clear();
        book.putAll(stored);
        LOG.fine(() -> "DARP: " + stored.size() + " object(s) with stored slave reports");
    }

    @Override
    public Optional<JointStatus> combine(TreeNode service, Optional<ServiceStatus> own, Instant now) {
        DarpHere h = hereItself;
        if (h == null) {
            h = here.instance().get();
            hereItself = h;
        }
        DarpTopology topology = h.topology();
        Optional<DarpParameters> p = Recombination.combined(service, topology);
        if (p.isEmpty()) {
            if (!last.isEmpty()) { // this is every probe's path when nothing is combined: no boxed key for nothing
                last.remove(service.id());
            }
            return Optional.empty();
        }
        SortedMap<String, LastReport> reports = book.of(service.id());
        reports.remove(topology.self()); // a slave cannot speak for this server
        own.ifPresent(s -> reports.put(
                topology.self(),
                new LastReport(
                        topology.self(),
                        s.status(),
                        s.status() == Status.UP ? Severity.CLEAR : s.severity(),
                        s.reason(),
                        false,
                        null)));
        List<DarpReport> darp = new ArrayList<>(reports.size());
        reports.values().forEach(r -> darp.add(r.toDarpReport(r.tag().equals(topology.self()))));
        Last before = last.get(service.id());
        // the quorums' previous outcome: the one last shown; none while nothing was shown yet
        DarpOutcome previous = before == null || before.shown() == null
                ? null
                : before.combined().outcome();
        CombinedStatus c = new ReportCombiner(topology)
                .combine(p.get(), darp, streams.connectedTags(), previous, severity(service));
        if (before == null || before.shown() == null) {
            if (c.counted().stream().allMatch(r -> r.state() == DarpState.UNKNOWN)) {
                // nobody counted has said anything yet: unknown, as a service before its first answer (the
                // table would say down, "none up", and notify about an object nobody has looked at)
                last.put(service.id(), new Last(c, null));
                return Optional.of(JointStatus.notYet());
            }
        }
        JointStatus joint = JointStatuses.of(c, reports, before == null ? null : before.shown(), now);
        last.put(service.id(), new Last(c, joint.status()));
        return Optional.of(joint);
    }

    @Override
    public Collection<Long> combinedIn(TreeSnapshot tree) {
        book.retain(id -> tree.byId(id).isPresent());
        last.keySet().removeIf(id -> tree.byId(id).isEmpty());
        Set<Long> ids = combined.in(tree, here.topology());
        ids.addAll(last.keySet());
        return ids;
    }

    /**
     * Before the status board's observer (a lower priority), which asks {@link #combinedIn} for the new tree: a
     * patched tree's combined services are then worked out from its changed objects alone.
     */
    void treeReloaded(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) TreeReloaded reloaded) {
        combined.reloaded(reloaded.patchedFrom(), reloaded.current(), reloaded.changed());
    }

    /** The last combined status of a service, for the DARP view; empty if it is not combined here. */
    public Optional<Last> last(long objectId) {
        return Optional.ofNullable(last.get(objectId));
    }

    /** Every slave's last report on the object, by tag. */
    public SortedMap<String, LastReport> reports(long objectId) {
        return book.of(objectId);
    }

    void reportsStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportsStored stored) {
        Map<Long, Instant> reportAt = new HashMap<>();
        for (ReportsStored.Item item : stored.items()) {
            book.put(item.objectId(), item.report());
            Instant at = item.report().at() == null
                    ? stored.received()
                    : item.report().at();
            reportAt.merge(item.objectId(), at, (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Long, Status> before = new HashMap<>();
        reportAt.keySet().forEach(id -> before.put(id, shownStatus(id)));
        quietly("reports of '" + stored.tag() + "'", () -> board.recombine(reportAt.keySet()));
        reportAt.forEach((id, at) -> {
            Status after = shownStatus(id);
            if (after != null && after != before.get(id)) {
                metrics.changedCombined(at, stored.received());
            } else {
                metrics.leftCombined();
            }
        });
    }

    private Status shownStatus(long id) {
        Last l = last.get(id);
        return l == null || l.shown() == null ? null : l.shown().status();
    }

    void linkChanged(@Observes PeerLinkChanged change) {
        if (!change.master()) {
            linksMayHaveChanged();
        }
    }

    /** Runs after {@link DarpHere} has read the peers again (a later priority), so the new topology applies. */
    void peerChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION + 900)
                    PeerChanged change) {
        quietly("peer change", () -> board.recombine(combinedIn(board.tree())));
    }

    /**
     * Compares the slaves connected now with those last combined with, and recombines the ietf services of each
     * slave that came or went. Called on every {@link PeerLinkChanged} and on each stream tick, so a link change
     * that was not announced is still seen within a tick.
     */
    synchronized void linksMayHaveChanged() {
        Set<String> now = streams.connectedTags();
        if (now.equals(linksSeen)) {
            return;
        }
        Set<String> changed = new HashSet<>(now);
        changed.addAll(linksSeen);
        Set<String> both = new HashSet<>(now);
        both.retainAll(linksSeen);
        changed.removeAll(both);
        linksSeen = now;
        if (last.isEmpty()) {
            return;
        }
        TreeSnapshot tree = board.tree();
        DarpTopology topology = here.topology();
        Set<Long> ids = new HashSet<>();
        for (String tag : changed) {
            ids.addAll(Recombination.onLinkChange(tree, last.keySet(), tag, topology));
        }
        if (!ids.isEmpty()) {
            quietly("link change of " + changed, () -> board.recombine(ids));
        }
    }

    static Severity severity(TreeNode node) {
        try {
            return node.param("severity").map(Severity::fromLabel).orElse(Severity.CRITICAL);
        } catch (IllegalArgumentException e) {
            return Severity.CRITICAL;
        }
    }

    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP: cannot combine the statuses again after the " + what, e);
        }
    }
}
