package org.argusee.notify.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Takes off the queue the notifications that a DARP peer told already ({@link PeerTold} on a master, {@link
 * MasterTold} on a slave): each one acknowledged "told by DARP slave/master x" (if still active), its deliveries not
 * sent yet {@code acked}. In the caller's transaction.
 */
final class ToldElsewhere {

    /** The states of a delivery not sent yet. */
    static final String PENDING = "('held', 'created', 'queued', 'failed')";

    private static final String ACK = "update argus.notification set state = 'acked', acked_by = ?,"
            + " acked_at = now(), next_renotify = null where id = ? and state = 'active'";
    private static final String DROP = "update argus.notification_delivery set state = 'acked'"
            + " where notification_id = ? and state in " + PENDING;

    private ToldElsewhere() {}

    /**
     * @param told a query of the notifications to drop: id, object name, status, severity, the peer's tag
     * @param by   how the acknowledgement names the peer: "told by DARP slave " or "told by DARP master "
     * @param shared whether what a peer told of the object (by full name) stands for this server's telling; the
     *               others are left to be sent
     * @return one line per notification dropped, for the log
     */
    static List<String> drop(Connection c, String told, String by, Predicate<String> shared) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(told);
                PreparedStatement ack = c.prepareStatement(ACK);
                PreparedStatement drop = c.prepareStatement(DROP);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                if (!shared.test(rs.getString(2))) {
                    continue;
                }
                long id = rs.getLong(1);
                String who = by + rs.getString(5);
                ack.setString(1, who);
                ack.setLong(2, id);
                ack.addBatch();
                drop.setLong(1, id);
                drop.addBatch();
                dropped.add(rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4) + " (" + who + ")");
            }
            ack.executeBatch();
            drop.executeBatch();
        }
        return dropped;
    }
}
