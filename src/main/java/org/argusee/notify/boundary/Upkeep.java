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
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.notify.control.Destination;
import org.argusee.notify.control.Escalation;
import org.hibernate.Session;

/**
 * What the original's notification maintenance does every minute, here every round, from times in the database
 * (so it survives a restart): acknowledges by rule (the object under override; {@code ackonup} once it is up;
 * {@code ack_on_better} / {@code ack_on_worse} once it shows a better / worse severity; {@code unack_timeout} after
 * it has been up that long), escalates (adds the next step's destinations when the notification is that old), and
 * renotifies (a new round of deliveries to the destinations so far, see {@link #RESEND}). The next renotify is
 * counted from now, not from when it was due: a server that was down for an hour sends one, not twelve. Rows are
 * locked with SKIP LOCKED, so two servers never renotify one notification twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Upkeep {

    private static final Logger LOG = Logger.getLogger(Upkeep.class.getName());
    private static final int BATCH = 500;
    /** Severities in the original's order, for better and worse. */
    private static final String RANK = "array_position(array['clear', 'warning', 'minor', 'major', 'critical'], %s)";

    private static final String BETTER =
            String.format(RANK, "s.display_severity") + " < " + String.format(RANK, "n2.severity");
    private static final String WORSE =
            String.format(RANK, "s.display_severity") + " > " + String.format(RANK, "n2.severity");
    private static final String ACK_BY_RULE = "update argus.notification n set state = 'acked', acked_by = r.why,"
            + " acked_at = now() from (select n2.id, case when s.display_status = 'override' then 'override'"
            + " when n2.ackonup and n2.status = 'down' and s.status = 'up' then 'ackonup'"
            + " when n2.ack_on_better and n2.status = 'down' and " + BETTER + " then 'ack_on_better'"
            + " when n2.ack_on_worse and n2.status = 'down' and " + WORSE + " then 'ack_on_worse'"
            + " else 'timeout' end as why from argus.notification n2 join argus.object_status s"
            + " on s.object_id = n2.object_id where n2.state = 'active' and (s.display_status = 'override'"
            + " or (n2.ackonup and n2.status = 'down' and s.status = 'up')"
            + " or (n2.ack_on_better and n2.status = 'down' and " + BETTER + ")"
            + " or (n2.ack_on_worse and n2.status = 'down' and " + WORSE + ")"
            + " or (n2.unack_timeout is not null and s.status = 'up'"
            + " and s.changed_at + n2.unack_timeout * interval '1 second' <= now()))) r"
            + " where n.id = r.id and n.state = 'active'";
    private static final String ESCALATING = "select id, escalate, escalated, created_at from argus.notification"
            + " where state = 'active' and escalate is not null order by id for update skip locked limit " + BATCH;
    private static final String ESCALATED = "update argus.notification set escalated = ? where id = ?";
    private static final String RENOTIFYING = "select id, renotify_seconds, renotify_round from argus.notification"
            + " where state = 'active' and next_renotify <= now() order by next_renotify for update skip locked"
            + " limit " + BATCH;
    /**
     * A renotify goes to the first destinations and to each escalation step's that has been told at least one renotify
     * period ago (Notify.pm renotify: a step is resent once {@code created + start + period} has passed), so the
     * renotify that follows an escalation a few seconds later does not page the step's people twice.
     */
    private static final String RESEND = "insert into argus.notification_delivery (notification_id, destination,"
            + " method, address, round, tag, state, next_attempt) select d.notification_id, d.destination, d.method,"
            + " d.address, ?, d.tag, 'queued', now() from argus.notification_delivery d join argus.notification n"
            + " on n.id = d.notification_id where d.notification_id = ? and d.round = 0 and (d.tag is null"
            + " or d.tag not like '%ESCALATED%' or d.sent_at + n.renotify_seconds * interval '1 second' <= now())"
            + " on conflict on constraint notification_delivery_once do nothing";

    private static final String RENOTIFIED = "update argus.notification set renotify_round = ?,"
            + " next_renotify = now() + renotify_seconds * interval '1 second' where id = ?";

    @PersistenceContext
    EntityManager em;

    @Inject
    NotifyMethods methods;

    /** Acks by rule, for the live pages' unacked counts. */
    @Inject
    Event<NotificationsChanged> changed;

    public void run() {
        // read before the work: a nested unit of work would release the connection this one is using
        Set<String> known = methods.all().keySet();
        Set<String> acked = new LinkedHashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ack = c.prepareStatement(ACK_BY_RULE + " returning n.object_name");
                    ResultSet rs = ack.executeQuery()) {
                while (rs.next()) {
                    acked.add(rs.getString(1));
                }
            }
            escalate(c, known);
            renotify(c);
        });
        if (!acked.isEmpty()) {
            changed.fire(new NotificationsChanged(List.copyOf(acked)));
        }
    }

    private static void escalate(Connection c, Set<String> known) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement s = c.prepareStatement(ESCALATING);
                PreparedStatement add = c.prepareStatement(NotificationOutbox.DELIVERY);
                PreparedStatement mark = c.prepareStatement(ESCALATED);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int done = rs.getInt(3);
                Instant created = rs.getTimestamp(4).toInstant();
                List<Escalation> steps;
                try {
                    steps = Escalation.parse(rs.getString(2), known);
                } catch (IllegalArgumentException e) {
                    LOG.warning("Notification " + id + ": " + e.getMessage() + "; not escalated");
                    steps = List.of();
                }
                int reached = done;
                while (reached < steps.size()
                        && !created.plusSeconds(steps.get(reached).afterSeconds())
                                .isAfter(now)) {
                    for (Destination to : steps.get(reached).destinations()) {
                        NotificationOutbox.addDelivery(add, id, to, 0, " ESCALATED", now);
                    }
                    reached++;
                }
                if (reached > done) {
                    mark.setInt(1, reached);
                    mark.setLong(2, id);
                    mark.addBatch();
                }
            }
            add.executeBatch();
            mark.executeBatch();
        }
    }

    private static void renotify(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RENOTIFYING);
                PreparedStatement resend = c.prepareStatement(RESEND);
                PreparedStatement mark = c.prepareStatement(RENOTIFIED);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int round = rs.getInt(3) + 1;
                resend.setInt(1, round);
                resend.setLong(2, id);
                resend.addBatch();
                mark.setInt(1, round);
                mark.setLong(2, id);
                mark.addBatch();
            }
            resend.executeBatch();
            mark.executeBatch();
        }
    }
}
