package org.argusee.darp.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.ServedObjects;
import org.argusee.platform.control.ArgusException;
import org.argusee.status.boundary.StatusReader;
import org.argusee.status.boundary.StatusView;
import org.argusee.tree.boundary.TreeCache;
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

    public List<ConnectionView> connections() {
        Map<String, Object[]> rows = new HashMap<>();
        for (Object o : em.createNativeQuery("select tag, last_seq, last_address, connected_at, disconnected_at,"
                + " down_reason from argus.darp_link").getResultList()) {
            Object[] r = (Object[]) o;
            rows.put((String) r[0], r);
        }
        List<ConnectionView> out = new ArrayList<>();
        slave.linkState().ifPresent(s -> out.add(new ConnectionView(s.master() != null ? s.master()
                : settings.masterTag().orElse("master"), "master",
                s.connected() ? "connected" : "stopped".equals(s.state()) ? "stopped" : "down",
                settings.masterUrl().map(Object::toString).orElse(null), s.since(), null, s.lastAcked(), s.reason())));
        for (PeerView p : peers.all()) {
            if (!"slave".equals(p.role())) {
                continue;
            }
            Object[] row = rows.get(p.tag());
            Long lastSeq = row == null ? null : ((Number) row[1]).longValue();
            SlaveStreams.Link link = streams.link(p.tag()).orElse(null);
            if (link != null) {
                out.add(new ConnectionView(p.tag(), "slave", "connected", link.socket.address(), link.since,
                        link.conversation.lastHeard(), lastSeq, null));
            } else if (row != null && row[3] != null) {
                Instant connectedAt = instant(row[3]);
                Instant disconnectedAt = row[4] == null ? null : instant(row[4]);
                boolean cutByRestart = disconnectedAt == null || disconnectedAt.isBefore(connectedAt);
                String reason = streams.ended(p.tag()).map(SlaveStreams.Ended::reason)
                        .orElse(cutByRestart ? "connected until this server restarted" : (String) row[5]);
                out.add(new ConnectionView(p.tag(), "slave", "down", (String) row[2],
                        cutByRestart ? null : disconnectedAt, null, lastSeq, reason));
            } else {
                out.add(new ConnectionView(p.tag(), "slave", "never", null, null, null, lastSeq, null));
            }
        }
        return out;
    }

    public ServerStatusView object(String fullName) {
        TreeNode node = cache.snapshot().find(fullName)
                .orElseThrow(() -> new ArgusException.NotFound("fullName", "no object named '" + fullName + "'"));
        List<ServerStatusView.Row> rows = new ArrayList<>();
        StatusView own = statuses.status(node.id());
        rows.add(new ServerStatusView.Row(settings.tag(), true, true, own.status(), own.severity(), own.reason(),
                "override".equals(own.displayStatus()), own.checkedAt()));
        Map<String, ServerStatusView.Row> bySlave = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("select slave_tag, status, severity, reason, override, reported_at"
                + " from argus.darp_report where object_id = ?1 order by slave_tag").setParameter(1, node.id())
                .getResultList()) {
            Object[] r = (Object[]) o;
            String tag = (String) r[0];
            bySlave.put(tag, new ServerStatusView.Row(tag, false, streams.link(tag).isPresent(), (String) r[1],
                    (String) r[2], (String) r[3], (Boolean) r[4], instant(r[5])));
        }
        for (PeerView p : peers.all()) {
            if ("slave".equals(p.role()) && !bySlave.containsKey(p.tag()) && ServedObjects.servedTo(node, p.tag())) {
                bySlave.put(p.tag(), new ServerStatusView.Row(p.tag(), false, streams.link(p.tag()).isPresent(),
                        "unknown", null, null, false, null));
            }
        }
        rows.addAll(bySlave.values());
        return new ServerStatusView(node.fullName(), rows);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
