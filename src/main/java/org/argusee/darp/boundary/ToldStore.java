package org.argusee.darp.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.argusee.darp.control.wire.ToldItem;
import org.hibernate.Session;

/**
 * The rows of {@code argus.darp_told} behind {@link ToldLedger}: what this server told ({@link #HERE}) and what its
 * masters say they told, one row per teller and object, the newest kept.
 */
@Stateless
public class ToldStore {

    /** The teller of this server's own rows. */
    public static final String HERE = "";

    private static final String UPSERT = "insert into argus.darp_told (teller, object_name, status, severity,"
            + " told_at, sent) values (?, ?, ?, ?, ?, ?) on conflict (teller, object_name) do update set"
            + " status = excluded.status, severity = excluded.severity, told_at = excluded.told_at, noted_at = now(),"
            + " sent = excluded.sent where excluded.told_at > darp_told.told_at"
            + " or (excluded.told_at = darp_told.told_at and excluded.sent)";
    private static final String SENT = "update argus.darp_told set sent = true where teller = '' and object_name = ?"
            + " and told_at = ? and status = ? and severity = ?";

    /** A row: who told, and what; {@code sent}: this server's, and a delivery of it went out. */
    public record Row(String teller, ToldItem item, boolean sent) {}

    @PersistenceContext
    EntityManager em;

    /** In the caller's transaction: a notification and the note that it was told commit together. */
    public void noteHere(ToldItem item) {
        upsert(HERE, List.of(item), false);
    }

    /** In the caller's transaction, the one that marks the deliveries sent. */
    public void sentHere(Collection<ToldItem> items) {
        em.unwrap(Session.class).doWork(c -> sentHere(c, items));
    }

    static void sentHere(Connection c, Collection<ToldItem> items) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SENT)) {
            for (ToldItem i : inLockOrder(items)) {
                s.setString(1, i.object());
                s.setTimestamp(2, Timestamp.from(i.at()));
                s.setString(3, i.status());
                s.setString(4, i.severity());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * The items in the order every writer of the table locks its rows: by object name (then time). A transaction
     * that marks several notifications sent (a merged message) and the status writer's, which notes the
     * transitions of a batch as it stores them, locked the same rows in their own orders and deadlocked (seen
     * once on a restarted master: a status batch retried). The status writer announces a batch's changes in name
     * order too (StatusStore), so its notes come in this order.
     */
    static List<ToldItem> inLockOrder(Collection<ToldItem> items) {
        return items.stream()
                .sorted(Comparator.comparing(ToldItem::object).thenComparing(ToldItem::at))
                .toList();
    }

    /** What a master says it told, in a transaction of its own: all of a message or nothing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void noteMaster(String master, Collection<ToldItem> items) {
        upsert(master, items, true);
    }

    /** In a transaction of its own: a failure to read must not spoil a caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> rows.addAll(all(c)));
        return rows;
    }

    static List<Row> all(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "select teller, object_name, status, severity, told_at, sent from argus.darp_told");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(
                        rs.getString(1),
                        new ToldItem(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant()),
                        rs.getBoolean(6)));
            }
        }
        return rows;
    }

    /**
     * Deletes the rows of objects not in the tree and the 'up' rows older than {@code keepDays} (an up that was told
     * ends an episode; a down is kept while the object lives, as long as someone may take it over). Rows are not
     * pruned by teller: a slave learns its master's tag from the welcome, so before it has connected it cannot
     * tell a former master's rows from its current one's (one row per object and teller bounds them anyway).
     *
     * @return how many rows went
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune(Collection<String> goneObjects, int keepDays) {
        int[] n = {0};
        em.unwrap(Session.class).doWork(c -> n[0] = prune(c, goneObjects, keepDays));
        return n[0];
    }

    static int prune(Connection c, Collection<String> goneObjects, int keepDays) throws SQLException {
        try (PreparedStatement gone = c.prepareStatement("delete from argus.darp_told where object_name = any(?)");
                PreparedStatement old = c.prepareStatement(
                        "delete from argus.darp_told where status = 'up' and told_at < now() - ? * interval '1 day'")) {
            gone.setArray(1, c.createArrayOf("text", goneObjects.toArray()));
            old.setInt(1, keepDays);
            return gone.executeUpdate() + old.executeUpdate();
        }
    }

    private void upsert(String teller, Collection<ToldItem> items, boolean sent) {
        em.unwrap(Session.class).doWork(c -> upsert(c, teller, items, sent));
    }

    static void upsert(Connection c, String teller, Collection<ToldItem> items, boolean sent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (ToldItem i : inLockOrder(items)) {
                s.setString(1, teller);
                s.setString(2, i.object());
                s.setString(3, i.status());
                s.setString(4, i.severity());
                s.setTimestamp(5, Timestamp.from(i.at()));
                s.setBoolean(6, sent);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
