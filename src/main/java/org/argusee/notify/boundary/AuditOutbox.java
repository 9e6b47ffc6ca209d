package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.notify.control.Audit;
import org.argusee.notify.control.Destination;
import org.argusee.notify.control.MessageText;
import org.argusee.notify.control.ParamLookup;
import org.argusee.status.boundary.StatusChanged;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.hibernate.Session;

/**
 * The audit channel's outbox ({@link Audit}, {@code notifyaudit}): in the transaction that stores the change, as
 * {@link NotificationOutbox}, an acknowledged notification marked {@code audit} and its deliveries. Only where
 * the DARP duty says this server notifies. A mistake in the object's parameters leaves the change unaudited
 * (logged), never failing the status batch.
 */
@ApplicationScoped
public class AuditOutbox {

    private static final Logger LOG = Logger.getLogger(AuditOutbox.class.getName());
    private static final String ID = "select nextval(pg_get_serial_sequence('argus.notification', 'id'))";
    private static final String NOTIFICATION = "insert into argus.notification (id, object_id, object_name,"
            + " transition_at, status, severity, reason, message, created_at, state, acked_by, acked_at, audit)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'acked', 'auto-ack', ?, true)"
            + " on conflict on constraint notification_transition_unique do nothing";

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeCache cache;

    @Inject
    NotifyMethods methods;

    @Inject
    NotifyDarp darp;

    @Inject
    NotifySchedules schedules;

    @Inject
    DarpSettings darpSettings;

    /** The sender looks once this commits (its rounds may be waiting). */
    @Inject
    Event<NotificationQueued> queued;

    void changed(@Observes StatusChanged change) {
        if (change.previous() == null || change.shown() == null) {
            return;
        }
        Optional<TreeNode> node = cache.snapshot().byId(change.objectId());
        if (node.isEmpty()) {
            return;
        }
        Optional<Audit> audit;
        ParamLookup params;
        try {
            ParamLookup plain = ObjectParams.of(node.get());
            params = schedules.withSchedules(node.get(), plain, ZonedDateTime.now(NotificationOutbox.zone(plain)));
            audit = Audit.of(
                    change.previous(),
                    change.shown(),
                    node.get().kind() == ObjectKind.SERVICE,
                    params,
                    methods.all().keySet());
            if (audit.isPresent() && !darp.decide(node.get()).notifies()) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot work out the audit message of " + change.fullName() + "; not sent", e);
            return;
        }
        audit.ifPresent(a -> {
            em.unwrap(Session.class).doWork(c -> store(c, change, a, params));
            queued.fire(new NotificationQueued());
        });
    }

    private void store(Connection c, StatusChanged change, Audit audit, ParamLookup params) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(ID);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        Instant now = Instant.now();
        String status = change.transition().to().label();
        String severity = change.shown().severity().label();
        MessageText.Facts facts = new MessageText.Facts(
                id,
                change.fullName(),
                status,
                severity,
                null,
                change.transition().reason(),
                now,
                darpSettings.tag(),
                NotificationOutbox.zone(params));
        try (PreparedStatement n = c.prepareStatement(NOTIFICATION)) {
            n.setLong(1, id);
            n.setLong(2, change.objectId());
            n.setString(3, change.fullName());
            // the time of this change: a change of what is shown alone keeps the transition's time
            n.setTimestamp(4, Timestamp.from(now));
            n.setString(5, status);
            n.setString(6, severity);
            n.setString(7, change.transition().reason());
            n.setString(8, MessageText.message(audit.format(), audit.message(), facts, params));
            n.setTimestamp(9, Timestamp.from(now));
            n.setTimestamp(10, Timestamp.from(now));
            if (n.executeUpdate() == 0) {
                return;
            }
        }
        try (PreparedStatement d = c.prepareStatement(NotificationOutbox.DELIVERY)) {
            for (Destination to : audit.destinations()) {
                NotificationOutbox.addDelivery(d, id, to, 0, null, now);
            }
            d.executeBatch();
        }
    }
}
