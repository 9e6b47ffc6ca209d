package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.notify.control.ObjectFilter;
import org.hibernate.Session;

/**
 * Reads notifications and acknowledges them. An acknowledgement by a person also stops what had not gone out yet
 * for it (its pending deliveries become acked), as the original takes it off the queue; automatic ones leave the
 * queue alone. Each acknowledgement fires {@link NotificationsChanged} for the live pages.
 */
@ApplicationScoped
@Transactional
public class NotificationStore {

    private static final String COLUMNS = "select id, object_name, transition_at, status, severity, reason, message,"
            + " created_at, state, acked_by, acked_at, renotify_round, escalated from argus.notification";
    // the hidden names as a subquery: Postgres hashes it, so a long list costs one lookup per row, not a scan
    private static final String FILTER =
            " where (?::text is null or state = ?) and (?::text is null or (? and object_name = ?)"
                    + " or (not ? and object_name ilike ?)) and object_name not in (select unnest(?::text[]))";
    private static final String DELIVERIES = "select notification_id, destination, round, tag, state, attempts,"
            + " last_error, next_attempt, sent_at from argus.notification_delivery where notification_id = any(?)"
            + " order by notification_id, round, id";
    private static final String CANDIDATES = "select id, object_name from argus.notification where state = 'active'"
            + " and (? or id = any(?)) and object_name not in (select unnest(?::text[]))";
    private static final String ACK = "update argus.notification set state = 'acked', acked_by = ?, acked_at = now()"
            + " where state = 'active' and id = any(?) returning id, object_name";
    private static final String ACTIVE_BY_OBJECT =
            "select object_name, count(*) from argus.notification where state = 'active' group by object_name";
    private static final String DEQUEUE = "update argus.notification_delivery set state = 'acked'"
            + " where notification_id = any(?) and state in ('created', 'queued', 'failed', 'held')";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<NotificationsChanged> changed;

    /**
     * @param object the object filter (see {@link ObjectFilter}); null for every object
     * @param hidden objects whose notifications are left out (the caller may not see them)
     */
    public NotificationView.Page list(String state, ObjectFilter object, Set<String> hidden, int offset, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            int total;
            try (PreparedStatement s = c.prepareStatement("select count(*) from argus.notification" + FILTER)) {
                filter(c, s, state, object, hidden);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<NotificationView> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(COLUMNS + FILTER + " order by id desc offset ? limit ?")) {
                filter(c, s, state, object, hidden);
                s.setInt(9, offset);
                s.setInt(10, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs, List.of()));
                    }
                }
            }
            Map<Long, List<NotificationView.DeliveryView>> deliveries =
                    deliveries(c, items.stream().map(NotificationView::id).toList());
            return new NotificationView.Page(
                    total,
                    offset,
                    limit,
                    items.stream()
                            .map(n -> n.with(deliveries.getOrDefault(n.id(), List.of())))
                            .toList());
        });
    }

    public Optional<NotificationView> find(long id) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<NotificationView.DeliveryView> deliveries =
                    deliveries(c, List.of(id)).getOrDefault(id, List.of());
            try (PreparedStatement s = c.prepareStatement(COLUMNS + " where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs, deliveries)) : Optional.<NotificationView>empty();
                }
            }
        });
    }

    /** The deliveries of these notifications (every destination and round), in one query. */
    private static Map<Long, List<NotificationView.DeliveryView>> deliveries(Connection c, List<Long> ids)
            throws SQLException {
        Map<Long, List<NotificationView.DeliveryView>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(DELIVERIES)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new NotificationView.DeliveryView(
                                    rs.getString(2),
                                    rs.getInt(3),
                                    rs.getString(4) == null
                                            ? null
                                            : rs.getString(4).strip(),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    rs.getString(7),
                                    instant(rs.getTimestamp(8)),
                                    instant(rs.getTimestamp(9))));
                }
            }
        }
        return out;
    }

    /**
     * The active notifications among {@code ids} (or all active ones) outside {@code hidden}: id -> object name.
     *
     * @param ids ignored when {@code all}
     */
    public Map<Long, String> active(List<Long> ids, boolean all, Set<String> hidden) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<Long, String> found = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(CANDIDATES)) {
                s.setBoolean(1, all);
                s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                s.setArray(3, c.createArrayOf("text", hidden.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return found;
        });
    }

    /** Acknowledges these notifications (those still active); answers how many it acknowledged. */
    public int ack(String user, Collection<Long> ids) {
        Set<String> objects = new LinkedHashSet<>();
        int acked = em.unwrap(Session.class).doReturningWork(c -> {
            List<Long> done = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ACK)) {
                s.setString(1, user);
                s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        done.add(rs.getLong(1));
                        objects.add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(DEQUEUE)) {
                s.setArray(1, c.createArrayOf("bigint", done.toArray()));
                s.executeUpdate();
            }
            return done.size();
        });
        if (!objects.isEmpty()) {
            changed.fire(new NotificationsChanged(List.copyOf(objects)));
        }
        return acked;
    }

    /** How many notifications wait for an acknowledgement, per object (the live socket's unacked counts). */
    public Map<String, Integer> activeByObject() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(ACTIVE_BY_OBJECT);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    private static void filter(Connection c, PreparedStatement s, String state, ObjectFilter object, Set<String> hidden)
            throws SQLException {
        s.setString(1, state);
        s.setString(2, state);
        s.setString(3, object == null ? null : object.text());
        s.setBoolean(4, object != null && object.exact());
        s.setString(5, object == null ? null : object.text());
        s.setBoolean(6, object != null && object.exact());
        s.setString(7, object == null ? null : object.likePattern());
        s.setArray(8, c.createArrayOf("text", hidden.toArray()));
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
