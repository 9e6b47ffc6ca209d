package org.argusee.notify.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.argusee.notify.control.MessageText;

/**
 * The SQL of {@link Deliveries}: claiming a destination's first due message (its head delivery, or with a queue
 * time all that waited), when it was last sent to, holding them. A claim reads the rows of one message, not the
 * destination's whole backlog: with k due, draining them reads k heads, not k + (k-1) + ... rows.
 */
final class DeliveryRows {

    private DeliveryRows() {}

    private static final String COLUMNS = "select d.id, d.method, d.address, d.round, d.tag, d.attempts,"
            + " n.id, n.object_id, n.object_name, n.status, n.severity, n.priority, n.reason, n.message, n.created_at,"
            + " n.escalated, n.renotify_round"
            + " from argus.notification_delivery d join argus.notification n on n.id = d.notification_id";
    /** Due to go: pending, and a failed one once its next attempt has come (a held one goes when it is claimed). */
    private static final String DUE = " d.destination = ? and d.state in ('created', 'queued', 'failed')"
            + " and (d.state <> 'failed' or d.next_attempt <= now())";
    /**
     * The first due delivery of the destination, if no one else holds it. Not "the first one not locked": while
     * another server or round sends the head, this one takes nothing, so no later message overtakes it (a recovery
     * before its down). The head is found by the partial index (destination, id); the condition is repeated on the
     * row itself, so a head sent and committed meanwhile is re-checked when it is locked, and not taken. The
     * destination is a range of one value, not an equality: with {@code =} the planner drops it from the order and,
     * its statistics taken when the backlog came (nearly every row due to this destination), walks the primary key
     * from the lowest id filtering out every row sent since: the k + (k-1) + ... reads again
     * ({@code DeliveryRowsTest}).
     */
    static final String CLAIM_HEAD = COLUMNS + " where d.id = (select d.id from argus.notification_delivery d"
            + " where d.destination >= ? and d.destination <= ? and d.state in ('created', 'queued', 'failed')"
            + " and (d.state <> 'failed' or d.next_attempt <= now()) order by d.destination, d.id limit 1)"
            + " and" + DUE + " for update of d skip locked";
    /** The rest of what is due, after the head: merged into one message with a queue time, or failed with it. */
    private static final String CLAIM_AFTER =
            COLUMNS + " where" + DUE + " and d.id > ? order by d.id for update of d skip locked";

    /** With the database's now: a queue time is measured on the clock that dates sent_at and next_attempt. */
    static final String LAST_SENT =
            "select max(sent_at), now() from argus.notification_delivery" + " where destination = ? and state = 'sent'";

    private static final String HOLD = "update argus.notification_delivery set state = 'created', next_attempt = ?"
            + " where id = any(?) and state <> 'failed'";

    /**
     * One delivery claimed for sending, with its notification's facts.
     *
     * @param escalated  whether the notification has escalated by now
     * @param renotified its renotify rounds by now
     */
    record Row(
            long id,
            String method,
            String address,
            int round,
            String tag,
            int attempts,
            MessageText.Facts facts,
            Long objectId,
            String message,
            boolean escalated,
            int renotified) {}

    /** The destination's first due delivery, locked; empty when none is due or another sender holds it. */
    static List<Row> claimHead(Connection c, String destination) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIM_HEAD)) {
            s.setString(1, destination);
            s.setString(2, destination);
            s.setString(3, destination);
            return rows(s);
        }
    }

    /** The destination's due deliveries after {@code head}, in order, locked (but those another sender holds). */
    static List<Row> claimAfter(Connection c, String destination, long head) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIM_AFTER)) {
            s.setString(1, destination);
            s.setLong(2, head);
            return rows(s);
        }
    }

    private static List<Row> rows(PreparedStatement s) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long objectId = rs.getLong(8);
                Long object = rs.wasNull() ? null : objectId;
                MessageText.Facts facts = new MessageText.Facts(
                        rs.getLong(7),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getTimestamp(15).toInstant(),
                        null,
                        java.time.ZoneId.systemDefault());
                rows.add(new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getInt(6),
                        facts,
                        object,
                        rs.getString(14),
                        rs.getInt(16) > 0,
                        rs.getInt(17)));
            }
        }
        return rows;
    }

    /**
     * When a destination was last sent to (null: never), and the database's now. Both from the database: a server
     * whose own clock was stepped would otherwise hold a queue for the length of the step, or not at all.
     */
    record LastSent(Instant at, Instant now) {

        /** Until when a queue time holds the destination's next message; null when it may go now. */
        Instant holdUntil(long qtimeSeconds) {
            Instant until = at == null ? null : at.plusSeconds(qtimeSeconds);
            return until != null && until.isAfter(now) ? until : null;
        }
    }

    static LastSent lastSent(Connection c, String destination) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST_SENT)) {
            s.setString(1, destination);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return new LastSent(
                        t == null ? null : t.toInstant(), rs.getTimestamp(2).toInstant());
            }
        }
    }

    static void hold(Connection c, List<Row> rows, Instant until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HOLD)) {
            s.setTimestamp(1, Timestamp.from(until));
            s.setArray(2, c.createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            s.executeUpdate();
        }
    }
}
