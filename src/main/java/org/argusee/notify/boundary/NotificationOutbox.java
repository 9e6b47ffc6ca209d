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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.darp.boundary.ToldLedger;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.duty.SlaveKeep;
import org.argusee.notify.control.Destination;
import org.argusee.notify.control.Flapping;
import org.argusee.notify.control.MessageText;
import org.argusee.notify.control.NotifyPlan;
import org.argusee.notify.control.NotifyRules;
import org.argusee.notify.control.ParamLookup;
import org.argusee.notify.control.Telling;
import org.argusee.status.boundary.StatusChanged;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Writes the outbox: observes {@link StatusChanged} synchronously, so within the very transaction that stores the
 * transition, and for a transition to be told inserts its notification and one delivery per destination. Either
 * both are stored or neither (the status batch is then tried again), so no transition is told twice or lost. A
 * mistake in an object's notification parameters is logged and that object left untold, never failing the batch.
 */
@ApplicationScoped
public class NotificationOutbox {

    private static final Logger LOG = Logger.getLogger(NotificationOutbox.class.getName());
    /**
     * Two round trips per notification, as a storm costs them inside the status writer's transaction: its id
     * (the text says it) with the object's recent ones (flapping), then the notification and its deliveries in one
     * statement (none when the notification was there already or is kept quiet).
     */
    private static final String PREPARE = "select nextval(pg_get_serial_sequence('argus.notification', 'id')),"
            + " r.n, r.f from (select count(*) as n, coalesce(bool_or(flapping), false) as f from argus.notification"
            + " where object_id = ? and not audit and created_at > now() - ? * interval '1 minute') r";

    private static final String NOTIFICATION = "with n as (insert into argus.notification (id, object_id, object_name,"
            + " transition_at, status, severity, reason, message, created_at, state, acked_by, acked_at,"
            + " renotify_seconds, next_renotify, escalate, ackonup, unack_timeout, priority, flapping,"
            + " ack_on_better, ack_on_worse) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict on constraint notification_transition_unique do nothing returning id)"
            + " insert into argus.notification_delivery (notification_id, destination, method, address, round,"
            + " state, next_attempt) select n.id, d.destination, d.method, d.address, 0, ?, ?"
            + " from n, unnest(?::text[], ?::text[], ?::text[]) as d(destination, method, address) where ?"
            + " on conflict on constraint notification_delivery_once do nothing";
    static final String DELIVERY = "insert into argus.notification_delivery (notification_id, destination, method,"
            + " address, round, tag, state, next_attempt) values (?, ?, ?, ?, ?, ?, 'queued', ?)"
            + " on conflict on constraint notification_delivery_once do nothing";

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

    /** On a slave, what it told goes with its reports, so that its master does not tell it again. */
    @Inject
    ToldLedger told;

    /** This server's DARP tag for %D, defaulted as DARP defaults it (the host name when none is set). */
    @Inject
    DarpSettings darpSettings;

    /** More notifications of one object than this within the window: told once as flapping. 0: never. */
    @Inject
    @ConfigProperty(name = "argus.notify.flap-count", defaultValue = "6")
    int flapCount;

    @Inject
    @ConfigProperty(name = "argus.notify.flap-minutes", defaultValue = "10")
    int flapMinutes;

    /** For the live pages, heard after the commit (in this transaction, so not of a batch rolled back). */
    @Inject
    Event<NotificationsChanged> notified;

    /** The sender looks once this commits (its rounds may be waiting). */
    @Inject
    Event<NotificationQueued> queued;

    void changed(@Observes StatusChanged change) {
        Telling telling = Telling.of(change.previous(), change.shown(), change.inOverride());
        if (telling == null) {
            return;
        }
        Optional<TreeNode> node = cache.snapshot().byId(change.objectId());
        if (node.isEmpty()) {
            return; // deleted meanwhile: nobody to ask whom to tell
        }
        Optional<NotifyPlan> plan;
        ParamLookup params;
        Optional<Instant> hold = Optional.empty();
        Optional<SlaveKeep.Ticket> keep = Optional.empty();
        try {
            ParamLookup plain = ObjectParams.of(node.get());
            params = schedules.withSchedules(node.get(), plain, ZonedDateTime.now(zone(plain)));
            plan = NotifyRules.plan(
                    telling,
                    node.get().kind() == ObjectKind.SERVICE,
                    params,
                    methods.all().keySet());
            if (plan.isPresent()) {
                NotifyDarp.Duty duty = darp.duty(node.get());
                keep = duty.keep();
                if (!duty.decision().notifies() && keep.isEmpty()) {
                    LOG.fine(() -> change.fullName() + ": " + duty.decision().explanation());
                    return;
                }
                hold = keep.isPresent() ? Optional.empty() : darp.holdUntil(node.get(), Instant.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot work out the notification of " + change.fullName() + "; not told", e);
            return;
        }
        Optional<Instant> until = hold;
        Optional<SlaveKeep.Ticket> kept = keep;
        TreeNode object = node.get();
        plan.ifPresent(p -> em.unwrap(Session.class).doWork(c -> store(c, change, object, p, params, until, kept)));
    }

    /**
     * @param hold until when a master waits for its slaves to say what they told (empty: send now)
     * @param keep on a slave that leaves it to its linked master: stored acknowledged, its deliveries kept
     *             ({@link MasterKept}) until the master applied its report (then not sent) or the link fell
     */
    private void store(
            Connection c,
            StatusChanged change,
            TreeNode node,
            NotifyPlan plan,
            ParamLookup params,
            Optional<Instant> hold,
            Optional<SlaveKeep.Ticket> keep)
            throws SQLException {
        ZoneId zone = zone(params);
        long id;
        int recent;
        boolean flagged;
        try (PreparedStatement prepare = c.prepareStatement(PREPARE)) {
            prepare.setLong(1, change.objectId());
            prepare.setInt(2, flapMinutes);
            try (ResultSet rs = prepare.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                recent = rs.getInt(2);
                flagged = rs.getBoolean(3);
            }
        }
        Instant now = Instant.now();
        notified.fire(new NotificationsChanged(List.of(change.fullName())));
        queued.fire(new NotificationQueued());
        String reason = change.transition().reason();
        MessageText.Facts facts = new MessageText.Facts(
                id,
                change.fullName(),
                plan.telling().status().label(),
                plan.telling().severity().label(),
                plan.priority(),
                reason,
                now,
                darpSettings.tag(),
                zone);
        String message = MessageText.message(plan.format(), plan.message(), facts, params);
        Flapping flapping = new Flapping(flapCount, flapMinutes);
        Flapping.Verdict verdict = flapping.of(recent, flagged);
        if (verdict == Flapping.Verdict.TELL_AS_FLAPPING) {
            message = flapping.prefix(recent) + message;
        }
        boolean quiet = verdict == Flapping.Verdict.KEEP_QUIET;
        Optional<String> byMaster = darp.toldByMaster(node, change.fullName(), plan.telling());
        boolean acked = plan.autoack() || quiet || byMaster.isPresent() || keep.isPresent();
        String ackedBy = quiet
                ? "flapping"
                : byMaster.orElse(
                        plan.autoack()
                                ? "auto-ack"
                                : keep.map(k -> MasterKept.KEPT + k.master()).orElse(null));
        try (PreparedStatement n = c.prepareStatement(NOTIFICATION)) {
            n.setLong(1, id);
            n.setLong(2, change.objectId());
            n.setString(3, change.fullName());
            n.setTimestamp(4, Timestamp.from(change.transition().at()));
            n.setString(5, plan.telling().status().label());
            n.setString(6, plan.telling().severity().label());
            n.setString(7, reason);
            n.setString(8, message);
            n.setTimestamp(9, Timestamp.from(now));
            n.setString(10, acked ? "acked" : "active");
            n.setString(11, ackedBy);
            n.setTimestamp(12, acked ? Timestamp.from(now) : null);
            setInt(n, 13, plan.renotifySeconds());
            n.setTimestamp(
                    14,
                    plan.renotifySeconds() == null || acked
                            ? null
                            : Timestamp.from(now.plusSeconds(plan.renotifySeconds())));
            n.setString(15, plan.escalate());
            n.setBoolean(16, plan.ackonup());
            setInt(n, 17, plan.unackTimeout());
            n.setString(18, plan.priority());
            n.setBoolean(19, verdict == Flapping.Verdict.TELL_AS_FLAPPING);
            n.setBoolean(20, plan.ackOnBetter());
            n.setBoolean(21, plan.ackOnWorse());
            n.setString(22, byMaster.isPresent() ? "acked" : keep.isPresent() || hold.isPresent() ? "held" : "queued");
            n.setTimestamp(23, Timestamp.from(keep.isPresent() ? MasterKept.KEPT_UNTIL : hold.orElse(now)));
            List<Destination> to = plan.destinations();
            n.setArray(
                    24,
                    c.createArrayOf("text", to.stream().map(Destination::text).toArray()));
            n.setArray(
                    25,
                    c.createArrayOf("text", to.stream().map(Destination::method).toArray()));
            n.setArray(
                    26,
                    c.createArrayOf(
                            "text", to.stream().map(Destination::address).toArray()));
            n.setBoolean(27, !quiet); // kept in the history only while it flaps
            n.executeUpdate();
        }
        if (byMaster.isPresent()) {
            LOG.info(() -> "Not sent: " + change.fullName() + " "
                    + plan.telling().status().label() + " (" + byMaster.get() + " before this server took it over)");
        } else if (keep.isPresent()) {
            if (!quiet) {
                darp.kept(id, change.fullName(), change.transition().at(), keep.get());
            }
            LOG.fine(() -> "Kept for DARP master " + keep.get().master() + ": " + change.fullName() + " "
                    + plan.telling().status().label());
        } else if (!quiet) {
            told.told(
                    change.fullName(),
                    plan.telling().status().label(),
                    plan.telling().severity().label(),
                    change.transition().at());
        }
    }

    static void addDelivery(PreparedStatement d, long id, Destination to, int round, String tag, Instant due)
            throws SQLException {
        d.setLong(1, id);
        d.setString(2, to.text());
        d.setString(3, to.method());
        d.setString(4, to.address());
        d.setInt(5, round);
        d.setString(6, tag);
        d.setTimestamp(7, Timestamp.from(due));
        d.addBatch();
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /** The {@code timezone} parameter, else the server's own, as the original's local time. */
    static ZoneId zone(ParamLookup params) {
        Optional<String> tz = params.get("timezone");
        if (tz.isPresent()) {
            try {
                return ZoneId.of(tz.get().strip());
            } catch (java.time.DateTimeException e) {
                LOG.fine(() -> "Unknown timezone '" + tz.get() + "'; using the server's");
            }
        }
        return ZoneId.systemDefault();
    }
}
