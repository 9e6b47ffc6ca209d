package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Reads notifications and acknowledges them. An acknowledgement by a person also stops what had not gone out yet
 * for it (its pending deliveries become acked), as the original takes it off the queue; automatic ones leave the
 * queue alone.
 */
@ApplicationScoped
@Transactional
public class NotificationStore {

    private static final String COLUMNS = "select id, object_name, transition_at, status, severity, reason, message,"
            + " created_at, state, acked_by, acked_at, renotify_round, escalated from argus.notification";
    private static final String FILTER =
            " where (?::text is null or state = ?) and (?::text is null or object_name = ?)";
    private static final String DELIVERIES = "select destination, round, tag, state, attempts, last_error,"
            + " next_attempt, sent_at from argus.notification_delivery where notification_id = ? order by round, id";
    private static final String ACK = "update argus.notification set state = 'acked', acked_by = ?, acked_at = now()"
            + " where state = 'active' and (? or id = any(?)) returning id";
    private static final String DEQUEUE = "update argus.notification_delivery set state = 'acked'"
            + " where notification_id = any(?) and state in ('created', 'queued', 'failed', 'held')";

    @PersistenceContext
    EntityManager em;

    public NotificationView.Page list(String state, String object, int offset, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            int total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from argus.notification" + FILTER)) {
                filter(s, state, object);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<NotificationView> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(COLUMNS + FILTER + " order by id desc offset ? limit ?")) {
                filter(s, state, object);
                s.setInt(5, offset);
                s.setInt(6, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs, null));
                    }
                }
            }
            return new NotificationView.Page(total, offset, limit, items);
        });
    }

    public Optional<NotificationView> find(long id) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<NotificationView.DeliveryView> deliveries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(DELIVERIES)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        deliveries.add(new NotificationView.DeliveryView(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getString(3) == null ? null : rs.getString(3).strip(),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getString(6),
                                instant(rs.getTimestamp(7)),
                                instant(rs.getTimestamp(8))));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(COLUMNS + " where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs, deliveries)) : Optional.<NotificationView>empty();
                }
            }
        });
    }

    /** @param ids ignored when {@code all} */
    public int ack(String user, List<Long> ids, boolean all) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Long> acked = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ACK)) {
                s.setString(1, user);
                s.setBoolean(2, all);
                s.setArray(3, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        acked.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(DEQUEUE)) {
                s.setArray(1, c.createArrayOf("bigint", acked.toArray()));
                s.executeUpdate();
            }
            return acked.size();
        });
    }

    private static void filter(PreparedStatement s, String state, String object) throws SQLException {
        s.setString(1, state);
        s.setString(2, state);
        s.setString(3, object);
        s.setString(4, object);
    }

    private static NotificationView view(ResultSet rs, List<NotificationView.DeliveryView> deliveries)
            throws SQLException {
        return new NotificationView(
                rs.getLong(1),
                rs.getString(2),
                instant(rs.getTimestamp(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                rs.getString(10),
                instant(rs.getTimestamp(11)),
                rs.getInt(12),
                rs.getInt(13),
                deliveries);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
