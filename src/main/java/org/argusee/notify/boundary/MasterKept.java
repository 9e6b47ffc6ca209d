package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.logging.Logger;
import org.argusee.darp.boundary.ToldLedger;
import org.argusee.darp.control.duty.SlaveKeep;
import org.argusee.darp.control.wire.ToldItem;
import org.hibernate.Session;

/**
 * On a DARP slave, each round before sending: the notifications it kept for its master ({@link SlaveKeep}; stored
 * acknowledged "kept for DARP master m", deliveries held without end) are settled. The master applied the report
 * carrying the transition: its to tell; the notification is acknowledged "left to DARP master m" and its deliveries
 * {@code acked}. The link fell first (the master killed as the slave saw the change), or the notification was kept
 * before this server started: told here, the notification active again and its deliveries queued. Kept rows are
 * told by whatever server holds them, so a server no longer a slave tells what it kept.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class MasterKept {

    /** How a kept notification is acknowledged while it waits; the master's tag follows. */
    static final String KEPT = "kept for DARP master ";
    /** How it is acknowledged once the master applied its report. */
    static final String LEFT = "left to DARP master ";
    /** The next attempt of a kept delivery: no hold of a master ({@link PeerTold}) ends before it. */
    static final Instant KEPT_UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    private static final Logger LOG = Logger.getLogger(MasterKept.class.getName());
    private static final String ROWS = "select distinct n.id, n.object_name, n.status, n.severity, n.transition_at,"
            + " n.acked_by from argus.notification_delivery d join argus.notification n on n.id = d.notification_id"
            + " where d.state = 'held' and d.next_attempt >= ? order by n.object_name, n.id limit 500"; // name order:
    // ToldStore.inLockOrder
    private static final String TELL = "update argus.notification set state = 'active', acked_by = null,"
            + " acked_at = null, next_renotify = now() + renotify_seconds * interval '1 second'"
            + " where id = ? and state = 'acked' and acked_by like 'kept for DARP master %'";
    private static final String QUEUE = "update argus.notification_delivery set state = 'queued',"
            + " next_attempt = now() where notification_id = ? and state = 'held' and next_attempt >= ?";
    private static final String LEAVE =
            "update argus.notification set acked_by = ?" + " where id = ? and acked_by like 'kept for DARP master %'";
    private static final String DROP = "update argus.notification_delivery set state = 'acked'"
            + " where notification_id = ? and state = 'held' and next_attempt >= ?";

    @PersistenceContext
    EntityManager em;

    @Inject
    NotifyDarp darp;

    @Inject
    ToldLedger told;

    /** @return the notifications settled (told here or left to the master), to forget once this commits */
    public List<Long> run() {
        Instant now = Instant.now();
        List<Long> done = new ArrayList<>();
        List<ToldItem> toldHere = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> settle(c, now, done, toldHere));
        // noted after the work, in this transaction: the ledger's store does work of its own on the connection,
        // and Hibernate releases the connection's handle after it, which must not be while this work still reads
        for (ToldItem i : toldHere) {
            told.told(i.object(), i.status(), i.severity(), i.at());
        }
        if (!toldHere.isEmpty()) {
            LOG.info(() -> "Told here, the DARP master's link fell before it applied them: "
                    + String.join(
                            ", ",
                            toldHere.stream()
                                    .map(i -> i.object() + " " + i.status())
                                    .toList()));
        }
        return done;
    }

    private void settle(Connection c, Instant now, List<Long> done, List<ToldItem> toldHere) throws SQLException {
        Timestamp kept = Timestamp.from(KEPT_UNTIL);
        List<String> left = new ArrayList<>();
        try (PreparedStatement rows = c.prepareStatement(ROWS)) {
            rows.setTimestamp(1, kept);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String name = rs.getString(2);
                    String status = rs.getString(3);
                    String ackedBy = rs.getString(6);
                    SlaveKeep.Outcome outcome = darp.keptOutcome(id, now);
                    if (outcome == SlaveKeep.Outcome.WAIT) {
                        continue;
                    }
                    done.add(id);
                    if (outcome == SlaveKeep.Outcome.TELL) {
                        update(c, TELL, null, id, null);
                        update(c, QUEUE, null, id, kept);
                        toldHere.add(new ToldItem(
                                name,
                                status,
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant()));
                    } else {
                        String master =
                                ackedBy != null && ackedBy.startsWith(KEPT) ? ackedBy.substring(KEPT.length()) : "";
                        update(c, LEAVE, LEFT + master, id, null);
                        update(c, DROP, null, id, kept);
                        left.add(name + " " + status);
                    }
                }
            }
        }
        if (!left.isEmpty()) {
            LOG.fine(() -> "Left to the DARP master, which applied them: " + String.join(", ", left));
        }
    }

    /** One statement on one notification: an optional text first, the id, an optional time last. */
    private static void update(Connection c, String sql, String text, long id, Timestamp at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (text != null) {
                s.setString(i++, text);
            }
            s.setLong(i++, id);
            if (at != null) {
                s.setTimestamp(i, at);
            }
            s.executeUpdate();
        }
    }
}
