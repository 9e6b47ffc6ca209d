package org.argusee.darp.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.combine.CombinedStatus;
import org.argusee.darp.control.combine.DarpReport;
import org.argusee.darp.control.combine.DarpState;
import org.argusee.darp.control.combine.LastReport;
import org.argusee.darp.control.combine.ReportCombiner;
import org.argusee.darp.control.duty.DarpMode;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.darp.control.duty.Duty;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.SteadyClock;
import org.argusee.status.boundary.LastCheck;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.status.boundary.StatusReader;
import org.argusee.status.boundary.StatusView;
import org.argusee.status.control.ServiceStatus;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/** What the DARP views show: peers' link states, and every server's view of an object. */
@Stateless
public class DarpViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    DarpPeers peers;

    @Inject
    SlaveStreams streams;

    @Inject
    SlaveRunner slave;

    @Inject
    StatusReader statuses;

    @Inject
    TreeCache cache;

    @Inject
    DarpSettings settings;

    @Inject
    DarpHere here;

    @Inject
    MasterCombiner combiner;

    @Inject
    StatusBoard board;

    @Inject
    PeerWatches watches;

    @Inject
    DarpDuty duty;

    public List<ConnectionView> connections() {
        Map<String, Object[]> rows = new HashMap<>();
        for (Object o : em.createNativeQuery("select tag, last_seq, last_address, connected_at, disconnected_at,"
                        + " down_reason, last_heard_at from argus.darp_link")
                .getResultList()) {
            Object[] r = (Object[]) o;
            rows.put((String) r[0], r);
        }
        List<ConnectionView> out = new ArrayList<>();
        masterLink().ifPresent(out::add);
        for (PeerView p : peers.all()) {
            if (!"slave".equals(p.role())) {
                continue;
            }
            Object[] row = rows.get(p.tag());
            Long lastSeq = row == null ? null : ((Number) row[1]).longValue();
            SlaveLink link = streams.link(p.tag()).orElse(null);
            if (link != null) {
                out.add(connected(p.tag(), link, lastSeq));
            } else if (row != null && row[3] != null) {
                out.add(down(p.tag(), row, lastSeq));
            } else {
                out.add(new ConnectionView(p.tag(), "slave", "never", null, null, null, lastSeq, null));
            }
        }
        return watches.attach(out);
    }

    /**
     * The links as this server knows them without its database (PostgreSQL away, where {@link #connections} would
     * be a 503): its own link to its master, and each slave of the peers read before the outage, connected as its
     * stream is, or down with what is known of its end. Stored sequence numbers are not read: none is given.
     */
    public List<ConnectionView> connectionsFromMemory() {
        List<ConnectionView> out = new ArrayList<>();
        masterLink().ifPresent(out::add);
        for (String tag : here.topology().slaves()) {
            Optional<SlaveLink> link = streams.link(tag);
            Optional<StreamEnded> ended = streams.ended(tag);
            out.add(link.map(l -> connected(tag, l, null))
                    .orElseGet(() -> new ConnectionView(
                            tag,
                            "slave",
                            "down",
                            null,
                            ended.map(StreamEnded::at).orElse(null),
                            ended.map(StreamEnded::lastHeard).orElse(null),
                            null,
                            ended.map(StreamEnded::reason)
                                    .orElse("not connected; when it was last is in the database, which cannot be"
                                            + " reached"))));
        }
        return watches.attach(out);
    }

    private static ConnectionView connected(String tag, SlaveLink link, Long lastSeq) {
        return new ConnectionView(
                tag,
                "slave",
                "connected",
                link.socket.address(),
                link.since,
                SteadyClock.SYSTEM.toWall(link.conversation.lastHeard()),
                lastSeq,
                null);
    }

    /** This server's own link to its master, if it is a slave. */
    private Optional<ConnectionView> masterLink() {
        return slave.linkState()
                .map(s -> new ConnectionView(
                        s.master() != null ? s.master() : settings.masterTag().orElse("master"),
                        "master",
                        s.connected() ? "connected" : "stopped".equals(s.state()) ? "stopped" : "down",
                        settings.masterUrl().map(Object::toString).orElse(null),
                        s.since(),
                        null,
                        s.lastAcked(),
                        withConfig(s.reason())));
    }

    /** The link's reason, and the master's config this slave could not apply, if so (cleared once applied). */
    private String withConfig(String linkReason) {
        return slave.configNotApplied()
                .map(n -> linkReason == null ? n.describe() : linkReason + "; " + n.describe())
                .orElse(linkReason);
    }

    /**
     * A slave that is not connected now, with the last known of its link: when it went down and when it was last
     * heard, from memory if it ended while this server ran, else from darp_link. A link cut by a restart of this
     * server has no end written: neither is known, and the reason says so.
     */
    private ConnectionView down(String tag, Object[] row, Long lastSeq) {
        Instant connectedAt = ReportIntake.instant(row[3]);
        Instant disconnectedAt = row[4] == null ? null : ReportIntake.instant(row[4]);
        Instant lastHeard = row[6] == null ? null : ReportIntake.instant(row[6]);
        boolean cutByRestart = disconnectedAt == null || disconnectedAt.isBefore(connectedAt);
        Optional<StreamEnded> ended = streams.ended(tag);
        String reason = ended.map(StreamEnded::reason)
                .orElse(cutByRestart ? "connected until this server restarted" : (String) row[5]);
        Instant since = ended.map(StreamEnded::at).orElse(cutByRestart ? null : disconnectedAt);
        Instant heard = ended.map(StreamEnded::lastHeard).orElse(cutByRestart ? null : lastHeard);
        return new ConnectionView(tag, "slave", "down", (String) row[2], since, heard, lastSeq, reason);
    }

    public ServerStatusView object(String fullName) {
        TreeNode node = cache.snapshot()
                .find(fullName)
                .orElseThrow(() -> new ArgusException.NotFound("fullName", "no object named '" + fullName + "'"));
        DarpTopology topology = here.topology();
        boolean service = node.kind() == ObjectKind.SERVICE;
        SortedMap<String, LastReport> reports = combiner.reports(node.id());
        Optional<ServiceStatus> own = service ? board.own(node.id()) : Optional.empty();
        CombinedStatus combined = service ? combined(node, topology, reports, own) : null;
        Set<String> counted = combined == null
                ? Set.of()
                : combined.counted().stream().map(DarpReport::tag).collect(Collectors.toSet());
        List<ServerStatusView.Row> rows = new ArrayList<>();
        Instant checkedAt = board.lastCheck(node.id()).map(LastCheck::at).orElse(null);
        if (service) {
            rows.add(new ServerStatusView.Row(
                    topology.self(),
                    true,
                    true,
                    own.map(s -> s.status().label()).orElse(StatusView.UNKNOWN_LABEL),
                    own.map(s -> s.severity().label()).orElse(null),
                    own.map(ServiceStatus::reason).orElseGet(() -> notTestedHere(node)),
                    false,
                    checkedAt,
                    counted.contains(topology.self())));
        } else {
            StatusView mine = statuses.status(node.id());
            rows.add(new ServerStatusView.Row(
                    topology.self(),
                    true,
                    true,
                    mine.status(),
                    mine.severity(),
                    mine.reason(),
                    "override".equals(mine.displayStatus()),
                    mine.checkedAt(),
                    false));
        }
        Set<String> connected = streams.connectedTags();
        Set<String> others = new TreeSet<>(reports.keySet());
        DarpParameters p = DarpParameters.of(node);
        if (p.mode() != DarpMode.NONE) {
            others.addAll(p.tags().expand(topology));
        }
        others.remove(topology.self());
        for (String tag : others) {
            LastReport r = reports.get(tag);
            rows.add(
                    r == null
                            ? new ServerStatusView.Row(
                                    tag,
                                    false,
                                    connected.contains(tag),
                                    StatusView.UNKNOWN_LABEL,
                                    null,
                                    null,
                                    false,
                                    null,
                                    counted.contains(tag))
                            : new ServerStatusView.Row(
                                    tag,
                                    false,
                                    connected.contains(tag),
                                    r.status().label(),
                                    r.severity().label(),
                                    r.reason(),
                                    r.override(),
                                    r.at(),
                                    counted.contains(tag)));
        }
        return new ServerStatusView(
                node.fullName(),
                combined == null
                        ? null
                        : new ServerStatusView.Combined(
                                combined.status().label(),
                                combined.outcome().severity().label(),
                                combined.outcome().override(),
                                combined.basis().name().toLowerCase(Locale.ROOT),
                                combined.explanation(),
                                combined.failingWhileUp()),
                rows,
                topology.hasPeers());
    }

    /** Why this server has no result of its own for a service, if it is because it does not test it. */
    private String notTestedHere(TreeNode service) {
        Duty d = duty.duty(service);
        return d.test() ? null : d.explanation();
    }

    /** As last combined; for a service whose own result stands, worked out now (it changes nothing). */
    private CombinedStatus combined(
            TreeNode node, DarpTopology topology, SortedMap<String, LastReport> reports, Optional<ServiceStatus> own) {
        Optional<MasterCombiner.Last> last = combiner.last(node.id());
        if (last.isPresent()) {
            return last.get().combined();
        }
        List<DarpReport> darp = new ArrayList<>();
        reports.values().stream()
                .filter(r -> !r.tag().equals(topology.self()))
                .forEach(r -> darp.add(r.toDarpReport(false)));
        own.ifPresent(s -> darp.add(
                new DarpReport(topology.self(), s.isDown() ? DarpState.DOWN : DarpState.UP, s.severity(), true)));
        return new ReportCombiner(topology)
                .combine(DarpParameters.of(node), darp, streams.connectedTags(), null, MasterCombiner.severity(node));
    }
}
