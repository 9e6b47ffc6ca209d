package org.argusee.darp.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.darp.control.combine.LastReport;
import org.argusee.darp.control.login.LoginDesk;
import org.argusee.darp.control.wire.Message;
import org.argusee.darp.control.wire.ReportItem;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.hibernate.Session;

/**
 * Stores slaves' reports on the master, one transaction per message. The slave's row in darp_link is locked first
 * and its last_seq moves with the reports, so two connections of one slave (an old one not yet gone) cannot apply a
 * number twice, and a number applied before a crash is never applied again. What was stored is announced
 * ({@link ReportsStored}) for the master's combined statuses, which act on it once the transaction commits.
 */
@Stateless
public class ReportIntake {

    private static final Logger LOG = Logger.getLogger(ReportIntake.class.getName());
    /** The last report per slave and object; what the slave last told is kept until it says a newer one. */
    private static final String UPSERT = "insert into argus.darp_report (slave_tag, object_id, status, severity,"
            + " reason, override, reported_at, received_at, seq, told_status, told_severity, told_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?)"
            + " on conflict (slave_tag, object_id) do update set status = excluded.status,"
            + " severity = excluded.severity, reason = excluded.reason, override = excluded.override,"
            + " reported_at = excluded.reported_at, received_at = excluded.received_at, seq = excluded.seq,"
            + " told_status = case when excluded.told_at > coalesce(darp_report.told_at, '-infinity')"
            + " then excluded.told_status else darp_report.told_status end,"
            + " told_severity = case when excluded.told_at > coalesce(darp_report.told_at, '-infinity')"
            + " then excluded.told_severity else darp_report.told_severity end,"
            + " told_at = greatest(excluded.told_at, darp_report.told_at)";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ReportsStored> stored;

    @Inject
    ServedConfigs served;

    @Inject
    DarpCombineMetrics metrics;

    /**
     * Stores the items that name an object this slave is served; the others are refused (logged, counted, acked so
     * the slave does not send them again), never stored: a slave speaks only for what it was given to test.
     *
     * @return the sequence number to ack: the highest of the message
     */
    public long apply(String tag, Message.Reports reports, TreeSnapshot tree) {
        Instant received = Instant.now();
        long[] ack = {0};
        List<ReportsStored.Item> items = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<Long> allowed = served.servedIds(tag, tree);
        em.unwrap(Session.class).doWork(c -> ack[0] = apply(c, tag, reports, tree, allowed, items, refused));
        if (!refused.isEmpty()) {
            metrics.refusedReports(refused.size());
            LOG.warning(() -> "DARP slave '" + tag + "' reported " + refused.size() + " object(s) it is not served;"
                    + " refused, not stored: " + String.join(", ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? ", ..." : ""));
        }
        if (!items.isEmpty()) {
            stored.fire(new ReportsStored(tag, received, items));
        }
        return ack[0];
    }

    /** Every stored report, by object id: what the master's combined statuses start from. */
    public Map<Long, List<LastReport>> all() {
        Map<Long, List<LastReport>> out = new HashMap<>();
        for (Object o : em.createNativeQuery("select object_id, slave_tag, status, severity, reason, override,"
                        + " reported_at from argus.darp_report")
                .getResultList()) {
            Object[] r = (Object[]) o;
            try {
                out.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>())
                        .add(new LastReport(
                                (String) r[1],
                                Status.valueOf(((String) r[2]).toUpperCase(java.util.Locale.ROOT)),
                                Severity.fromLabel((String) r[3]),
                                (String) r[4],
                                Boolean.TRUE.equals(r[5]),
                                instant(r[6])));
            } catch (RuntimeException e) {
                LOG.warning(() -> "DARP: stored report of '" + r[1] + "' on object " + r[0] + " unreadable ("
                        + e.getMessage() + "); left out");
            }
        }
        return out;
    }

    public long lastSeq(String tag) {
        return ((Number) em.createNativeQuery(
                                "select coalesce((select last_seq from argus.darp_link where tag = ?1), 0)")
                        .setParameter(1, tag)
                        .getSingleResult())
                .longValue();
    }

    public void connected(String tag, String address) {
        em.createNativeQuery("insert into argus.darp_link (tag, last_address, connected_at) values (?1, ?2, now())"
                        + " on conflict (tag) do update set last_address = excluded.last_address,"
                        + " connected_at = excluded.connected_at, down_reason = null")
                .setParameter(1, tag)
                .setParameter(2, address)
                .executeUpdate();
    }

    /**
     * Records the end of a slave's stream, in a transaction of its own: it is called from network threads and from
     * after-commit observers (a peer edited through the API), where the caller's transaction is over and cannot be
     * joined.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void disconnected(String tag, String reason, Instant lastHeard) {
        em.createNativeQuery("update argus.darp_link set disconnected_at = now(), down_reason = ?2,"
                        + " last_heard_at = ?3 where tag = ?1")
                .setParameter(1, tag)
                .setParameter(2, reason)
                .setParameter(3, lastHeard == null ? null : Timestamp.from(lastHeard))
                .executeUpdate();
    }

    private static long apply(
            Connection c,
            String tag,
            Message.Reports reports,
            TreeSnapshot tree,
            Set<Long> allowed,
            List<ReportsStored.Item> items,
            List<String> refused)
            throws SQLException {
        long last = lockedLastSeq(c, tag);
        int stored = 0;
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            for (ReportItem item : reports.items()) {
                if (item.seq() <= last) {
                    continue;
                }
                TreeNode node = tree.find(item.object()).orElse(null);
                if (node == null) {
                    LOG.fine(() -> "DARP slave '" + tag + "' reported '" + item.object() + "', unknown here; ignored");
                    continue;
                }
                if (!allowed.contains(node.id())) {
                    refused.add(LoginDesk.clean(item.object()));
                    continue;
                }
                upsert.setString(1, tag);
                upsert.setLong(2, node.id());
                upsert.setString(3, item.status());
                upsert.setString(4, item.severity());
                upsert.setString(5, item.reason());
                upsert.setBoolean(6, item.override());
                upsert.setTimestamp(7, Timestamp.from(item.at()));
                upsert.setLong(8, item.seq());
                ReportItem.Told told = item.told();
                upsert.setString(9, told == null ? null : told.status());
                upsert.setString(10, told == null ? null : told.severity());
                upsert.setTimestamp(11, told == null ? null : Timestamp.from(told.at()));
                upsert.addBatch();
                stored++;
                items.add(new ReportsStored.Item(
                        node.id(),
                        new LastReport(
                                tag,
                                Status.valueOf(item.status().toUpperCase(java.util.Locale.ROOT)),
                                Severity.fromLabel(item.severity()),
                                item.reason(),
                                item.override(),
                                item.at())));
            }
            if (stored > 0) {
                upsert.executeBatch();
            }
        }
        long ack = reports.maxSeq();
        if (ack > last) {
            try (PreparedStatement s = c.prepareStatement("update argus.darp_link set last_seq = ? where tag = ?")) {
                s.setLong(1, ack);
                s.setString(2, tag);
                s.executeUpdate();
            }
        }
        return ack;
    }

    private static long lockedLastSeq(Connection c, String tag) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("insert into argus.darp_link (tag) values (?) on conflict (tag) do nothing")) {
            s.setString(1, tag);
            s.executeUpdate();
        }
        try (PreparedStatement s =
                c.prepareStatement("select last_seq from argus.darp_link where tag = ? for update")) {
            s.setString(1, tag);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Instant instant(Object value) {
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
