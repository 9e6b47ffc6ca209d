package org.argusee.notify.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.notify.control.KeptSmtp;
import org.argusee.notify.control.QuietRounds;
import org.argusee.platform.boundary.BackgroundTasks;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.MasterRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one timer of notifications: every {@value #ROUND_MILLIS} ms it runs the {@link Upkeep} (acks by rule,
 * escalation, renotify) and then sends what is due, destination by destination ({@link Deliveries}). Everything it
 * acts on is in the database, so a restart loses nothing and several servers on one database share the work.
 * A thread of its own ({@link BackgroundTasks}) with a fixed delay between rounds, so a slow round (a slow SMTP
 * server) delays the next rather than piling up; from the application's start on (an EJB timer, a new one each
 * second through the timer service and the EJB interceptors, cost more than an idle round). A round first looks whether there is anything to act on at all (one plain query on two partial indexes, no
 * transaction): most seconds of most servers have no active notification and nothing unsent, and the full round's
 * four transactions every second were a good part of an idle server's CPU (issue 17).
 *
 * <p>When that look finds nothing, the rounds wait ({@link QuietRounds}) until this server stores a notification
 * ({@link NotificationQueued}, after its commit), its role in a master pair changes, or {@code
 * argus.notify.idle-look-seconds} (10) have passed: a look every second at an empty outbox woke the thread and a
 * PostgreSQL backend for nothing. The longest wait bounds how late a row written by other means (another server
 * on the database, plain SQL) is seen while the outbox was empty; with anything active or unsent, or the lease not
 * confirmed (a standby ticks without asking), the rounds come every second as before.
 */
@ApplicationScoped
public class NotifySender {

    static final long ROUND_MILLIS = 1000;
    private static final int DESTINATIONS_PER_ROUND = 200;
    private static final int MESSAGES_PER_DESTINATION = 1000;
    private static final Logger LOG = Logger.getLogger(NotifySender.class.getName());
    private static final String ANYTHING = "select exists (select 1 from argus.notification where state = 'active')"
            + " or exists (select 1 from argus.notification_delivery where state in " + ToldElsewhere.PENDING + ")";

    @Inject
    Upkeep upkeep;

    @Inject
    Deliveries deliveries;

    @Inject
    PeerTold peerTold;

    @Inject
    MasterTold masterTold;

    /** The standby of a master pair sends nothing, nor does an active one whose lease it cannot vouch for now. */
    @Inject
    MasterLease lease;

    @Inject
    BackgroundTasks background;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    /** The longest wait of the rounds after a look found nothing (what nobody here signals is seen by then). */
    @Inject
    @ConfigProperty(name = "argus.notify.idle-look-seconds", defaultValue = "10")
    long idleLookSeconds;

    private final QuietRounds quiet = new QuietRounds();
    private boolean failing;
    private ScheduledFuture<?> rounds;

    void start(@Observes Startup startup) {
        rounds = background.scheduleWithFixedDelay(
                this::waitThenRound, ROUND_MILLIS, ROUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A notification was stored here: a waiting round goes on. */
    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued queued) {
        quiet.news();
    }

    /**
     * The other member of a pair may have left deliveries in the outbox (a takeover), or this one stepped down:
     * look again rather than wait (the first round as active asks the database).
     */
    void roleChanged(@Observes MasterRole role) {
        quiet.news();
    }

    /**
     * Each period: while the last look found nothing, a wait (on the round's own thread) for news or the longest
     * wait; then a round, so a notification stored during the wait is looked at as soon as it is committed.
     */
    void waitThenRound() {
        try {
            quiet.awaitNews(TimeUnit.SECONDS.toMillis(idleLookSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the application is stopping
            return;
        }
        round();
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
    }

    void round() {
        try {
            if (!lease.confirmed()) {
                quiet.busy();
                return;
            }
            long mark = quiet.beforeLook();
            boolean anything = anythingToDo();
            quiet.looked(mark, anything);
            if (!anything) {
                return;
            }
            boolean ok = attempt("acknowledge, escalate and renotify", upkeep::run);
            ok &= attempt("drop what a DARP slave told already", peerTold::run);
            ok &= attempt("drop what the DARP master told already", masterTold::run);
            // the round's mail goes over one SMTP connection (QUIT at the round's end), not one per message
            try (KeptSmtp smtp = new KeptSmtp()) {
                for (String destination : deliveries.dueDestinations(DESTINATIONS_PER_ROUND)) {
                    // one destination's trouble (a bad address, a hung program) holds up no other
                    ok &= attempt("send to " + destination, () -> sendDue(destination, smtp));
                }
            }
            if (ok && failing) {
                failing = false;
                LOG.info("Notifications are handled again");
            }
        } catch (RuntimeException e) { // a task that throws would end the rounds
            quiet.busy();
            failed("find what is due", e);
        }
    }

    /**
     * Whether any notification is active (acks by rule, escalation, renotify act on those only) or any delivery
     * unsent (held, created, queued or failed: what the DARP checks and the sending act on). If the look fails, the
     * round goes on and reports what is wrong.
     */
    private boolean anythingToDo() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(ANYTHING);
                ResultSet rs = s.executeQuery()) {
            return !rs.next() || rs.getBoolean(1);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /** A message per transaction (Deliveries.sendTo), as many as are due, up to a bound for the other destinations. */
    private void sendDue(String destination, KeptSmtp smtp) {
        for (int n = 0; n < MESSAGES_PER_DESTINATION; n++) {
            if (deliveries.sendTo(destination, smtp) == 0) {
                return;
            }
        }
    }

    private boolean attempt(String what, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            failed(what, e);
            return false;
        }
    }

    /** Logged once until a round goes through again: a database away for an hour is not 3,600 warnings. */
    private void failed(String what, RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.log(Level.WARNING, "Cannot " + what + " this round; trying again", e);
        } else {
            LOG.log(Level.FINE, "Cannot " + what + " this round", e);
        }
    }
}
