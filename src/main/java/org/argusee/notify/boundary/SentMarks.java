package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.argusee.darp.boundary.ToldLedger;
import org.argusee.darp.control.wire.ToldItem;
import org.hibernate.Session;

/**
 * Marks deliveries sent and notes in the DARP told-ledger that their notifications went out, in one transaction: a master shares only those with its slaves, so a slave taking over keeps quiet only about what
 * really reached someone (docs/design/70-notify.md, "DARP: told once").
 */
@ApplicationScoped
public class SentMarks {

    private static final String SENT = "update argus.notification_delivery set state = 'sent', sent_at = now(),"
            + " attempts = attempts + 1, last_error = null where id = any(?)";
    private static final String TOLD = "select object_name, status, severity, transition_at from argus.notification"
            + " where id = any(?) and not audit";

    @PersistenceContext
    EntityManager em;

    @Inject
    ToldLedger told;

    /** In the sender's transaction (the deliveries' rows are locked in it). */
    void sent(List<Long> deliveryIds, List<Long> notificationIds) {
        List<ToldItem> items = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(SENT)) {
                s.setArray(1, c.createArrayOf("bigint", deliveryIds.toArray()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(TOLD)) {
                s.setArray(1, c.createArrayOf("bigint", notificationIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ToldItem(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
            }
        });
        if (!items.isEmpty()) {
            told.sent(items);
        }
    }
}
