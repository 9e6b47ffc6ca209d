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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.notify.boundary.DeliveryRows.Row;
import org.argusee.notify.control.Backoff;
import org.argusee.notify.control.Destination;
import org.argusee.notify.control.KeptSmtp;
import org.argusee.notify.control.Merged;
import org.argusee.notify.control.MessageText;
import org.argusee.notify.control.NotifyMethod;
import org.argusee.notify.control.Outgoing;
import org.argusee.notify.control.ParamLookup;
import org.argusee.notify.control.Retelling;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Sends what is due, one message per transaction. The destination's first due delivery is locked with
 * {@code FOR UPDATE SKIP LOCKED} (only if no other server or round holds it: then this one takes nothing, so no
 * message overtakes another to one destination); that is the message, or with a queue time it and every due one
 * after it, merged. It is sent and marked sent, or failed with the error and a next attempt after {@link Backoff},
 * in the same transaction; a failure fails the rest due to the destination too (a hung server costs one timeout). A
 * destination told less than its method's {@code qtime} ago waits until then, gathering what comes meanwhile into
 * that one message.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    private static final int ERROR_MAX = 1000;
    private static final String DUE = "select destination from argus.notification_delivery"
            + " where state in ('created', 'queued', 'failed') and next_attempt <= now()"
            + " group by destination order by min(next_attempt) limit ?";
    private static final String FAILED = "update argus.notification_delivery set state = 'failed',"
            + " attempts = attempts + 1, last_error = ?, next_attempt = now() + make_interval(secs => ?) where id = ?";

    @PersistenceContext
    EntityManager em;

    @Inject
    NotifyMethods methods;

    @Inject
    Transmitters transmitters;

    @Inject
    TreeCache cache;

    @Inject
    Dependents dependents;

    @Inject
    Event<NotificationsChanged> moved;

    @Inject
    MasterLease lease;

    /** Seconds before the first retry of a failed delivery (doubling after each further failure). */
    @Inject
    @ConfigProperty(name = "argus.notify.retry-seconds", defaultValue = "10")
    int retrySeconds;

    @Inject
    SentMarks marks;

    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> dueDestinations(int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<String> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(DUE)) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        due.add(rs.getString(1));
                    }
                }
            }
            return due;
        });
    }

    /**
     * Sends the first message due to the destination (with a queue time, all that waited, merged).
     *
     * @param smtp the round's kept SMTP connection, for mail
     * @return how many deliveries were sent (0: nothing more to send now). Separate units of work (claim, then marks) in the one transaction: the
     *         locks stay with the transaction, and what is read in between (objects held behind) may use its own.
     */
    public int sendTo(String destination, KeptSmtp smtp) {
        Map<String, NotifyMethod> known = methods.all();
        Session session = em.unwrap(Session.class);
        session.doWork(lease::check); // the epoch is checked in the transaction that marks them sent
        // the head only: a backlog of k is read k times one row, not k + (k-1) + ... (docs/reliability.md)
        List<Row> head = session.doReturningWork(c -> DeliveryRows.claimHead(c, destination));
        if (head.isEmpty()) {
            return 0; // nothing due, or another sender is on this destination now
        }
        Row first = head.get(0);
        NotifyMethod method = known.get(first.method());
        if (method == null) {
            List<Row> all = withRest(session, destination, head);
            session.doWork(c -> fail(c, all, "unknown method '" + first.method() + "'"));
            return 0;
        }
        // a queue time of 0 merges nothing (the original transmits each at once): the head is the message; else
        // all that waited go as one, and a destination told less than the queue time ago waits until then
        List<Row> message = head;
        if (method.qtime() > 0) {
            message = withRest(session, destination, head);
            Instant until = session.doReturningWork(c -> DeliveryRows.lastSent(c, destination))
                    .holdUntil(method.qtime());
            if (until != null) {
                List<Row> held = message;
                session.doWork(c -> DeliveryRows.hold(c, held, until));
                return 0;
            }
        }
        // one message per transaction: its mark commits right after the hand-over, so a server killed while sending
        // the next one sends only that one again after its restart, not every message of the destination before it
        // (bench/chaos.sh singleKill); the caller comes back for the rest
        int sent = transmit(session, method, destination, message, smtp);
        List<Row> touched = message;
        if (sent == 0 && method.qtime() == 0) {
            // a server that just failed is not tried again for each of the rest (a hung one costs its timeout)
            List<Row> rest = session.doReturningWork(c -> DeliveryRows.claimAfter(c, destination, first.id()));
            session.doWork(c -> fail(c, rest, "not tried: the message before it to " + destination + " failed"));
            touched = concat(message, rest);
        }
        // the pages show each destination's state: sent, or failed with its error
        moved.fire(new NotificationsChanged(
                touched.stream().map(r -> r.facts().objectName()).distinct().toList()));
        return sent;
    }

    /** The head and every due delivery after it (the ones another sender holds left out). */
    private static List<Row> withRest(Session session, String destination, List<Row> head) {
        return concat(
                head,
                session.doReturningWork(
                        c -> DeliveryRows.claimAfter(c, destination, head.get(0).id())));
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        List<Row> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private int transmit(Session session, NotifyMethod method, String destination, List<Row> rows, KeptSmtp smtp) {
        Row first = rows.get(0);
        Outgoing out = outgoing(method, new Destination(first.method(), first.address()), rows);
        try {
            transmitters.send(out, smtp);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "Cannot notify " + destination + " (" + rows.size() + " notification(s)): " + error);
            session.doWork(c -> fail(c, rows, error));
            return 0;
        }
        marks.sent(
                rows.stream().map(Row::id).toList(),
                rows.stream().map(r -> r.facts().id()).distinct().toList());
        return rows.size();
    }

    private Outgoing outgoing(NotifyMethod method, Destination to, List<Row> rows) {
        Row first = rows.get(0);
        ParamLookup params = params(first.objectId());
        Map<String, Integer> held = dependents.held(rows.stream()
                .filter(r -> "down".equals(r.facts().status()))
                .map(r -> r.facts().objectName())
                .distinct()
                .toList());
        List<Merged.Item> items = new ArrayList<>();
        for (Row r : rows) {
            String text = method.messageFmt() == null
                    ? r.message()
                    : MessageText.forMethod(
                            method.messageFmt(),
                            r.facts(),
                            params(r.objectId()),
                            to,
                            r.message(),
                            extra(r),
                            "",
                            sentBefore(r));
            boolean down = "down".equals(r.facts().status());
            int behind = down ? held.getOrDefault(r.facts().objectName(), 0) : 0;
            items.add(new Merged.Item(behind == 0 ? text : text + "; " + behind + " depending on it held", down));
        }
        String lotsDown = top("message_lotsdn");
        String lotsUp = top("message_lotsup");
        return new Outgoing(
                method,
                to,
                Merged.text(items, method.nolots(), lotsDown, lotsUp),
                extra(first),
                first.facts(),
                params,
                rows.size(),
                sentBefore(first));
    }

    private static String extra(Row r) {
        return Retelling.extra(r.round(), r.tag(), r.escalated());
    }

    private static int sentBefore(Row r) {
        return Retelling.sentBefore(r.round(), r.tag(), r.renotified());
    }

    private ParamLookup params(Long objectId) {
        if (objectId == null) {
            return null;
        }
        return cache.snapshot().byId(objectId).map(ObjectParams::of).orElse(null);
    }

    private String top(String key) {
        TreeNode top = cache.snapshot().top();
        return top == null ? null : top.param(key).orElse(null);
    }

    /** The next attempt dated by the database's clock, the one `next_attempt <= now()` reads it by. */
    private void fail(Connection c, List<Row> rows, String error) throws SQLException {
        String e = error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        try (PreparedStatement s = c.prepareStatement(FAILED)) {
            for (Row r : rows) {
                s.setString(1, e);
                s.setDouble(
                        2,
                        Backoff.after(r.attempts() + 1, java.time.Duration.ofSeconds(retrySeconds))
                                        .toMillis()
                                / 1000.0);
                s.setLong(3, r.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
