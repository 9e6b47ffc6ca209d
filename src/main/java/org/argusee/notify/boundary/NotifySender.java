package org.argusee.notify.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.platform.boundary.MasterLease;

/**
 * The one timer of notifications: every {@value #ROUND_MILLIS} ms it runs the {@link Upkeep} (acks by rule,
 * escalation, renotify) and then sends what is due, destination by destination ({@link Deliveries}). Everything it
 * acts on is in the database, so a restart loses nothing and several servers on one database share the work.
 * A single-action timer each round, so a slow round (a slow SMTP server) delays the next rather than piling up.
 * A round first looks whether there is anything to act on at all (one plain query on two partial indexes, no
 * transaction): most seconds of most servers have no active notification and nothing unsent, and the full round's
 * four transactions every second were a good part of an idle server's CPU (issue 17).
 */
@Singleton
@Startup
@DependsOn("TreeCache")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotifySender {

    static final long ROUND_MILLIS = 1000;
    private static final int DESTINATIONS_PER_ROUND = 200;
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

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource dataSource;

    private boolean failing;

    @PostConstruct
    void start() {
        next();
    }

    @Timeout
    void round() {
        if (!lease.confirmed() || !anythingToDo()) {
            next();
            return;
        }
        try {
            boolean ok = attempt("acknowledge, escalate and renotify", upkeep::run);
            ok &= attempt("drop what a DARP slave told already", peerTold::run);
            ok &= attempt("drop what the DARP master told already", masterTold::run);
            for (String destination : deliveries.dueDestinations(DESTINATIONS_PER_ROUND)) {
                // one destination's trouble (a bad address, a hung program) holds up no other
                ok &= attempt("send to " + destination, () -> deliveries.sendTo(destination));
            }
            if (ok && failing) {
                failing = false;
                LOG.info("Notifications are handled again");
            }
        } catch (RuntimeException e) {
            failed("find what is due", e);
        } finally {
            next();
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

    private void next() {
        try {
            timers.createSingleActionTimer(ROUND_MILLIS, new TimerConfig("notify-sender", false));
        } catch (IllegalStateException | jakarta.ejb.EJBException e) {
            LOG.fine("Notification sender not rescheduled: the application is stopping");
        }
    }
}
