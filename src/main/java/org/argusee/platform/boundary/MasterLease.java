package org.argusee.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.argusee.platform.control.ActiveMember;
import org.argusee.platform.control.DatabaseTrouble;
import org.argusee.platform.control.LeaseMoved;
import org.argusee.platform.control.MasterRole;
import org.argusee.platform.control.RoleInEffect;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The election of an active/standby master pair (issue 16), with PostgreSQL as the only arbiter: one row,
 * {@code argus.master_lease}, names the holder, its epoch and when its lease ends (database time). The active one
 * renews it every {@code argus.pair.renew-seconds}; the standby takes it, with a new epoch, once it has run out.
 * A dead or frozen active one is replaced within lease + renew seconds (10 + 2 at defaults). Every write of the
 * active one calls {@link #fence} in its own transaction, so once the lease moved on nothing of the old epoch is
 * stored, whatever the old one still believes. Without {@code argus.pair.enabled} the server is alone: always
 * active, no row read.
 */
@ApplicationScoped
public class MasterLease {

    private static final Logger LOG = Logger.getLogger(MasterLease.class.getName());

    /** A pool of its own (configure-server.cli): a renewal never waits behind a starved application pool. */
    static final String LEASE_POOL = "java:jboss/datasources/ArgusLeaseDS";

    /** Share-locked (by fence) until the writer's commit: a takeover waits for that commit, not slipping before. */
    private static final String HELD = "select 1 from argus.master_lease where id = 1 and holder = ? and epoch = ?";

    @Inject
    @ConfigProperty(name = "argus.pair.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "argus.pair.member")
    java.util.Optional<String> member;

    /** This member's URL as users and scripts reach it: the standby names the active one's in its refusals. */
    @Inject
    @ConfigProperty(name = "argus.pair.url")
    java.util.Optional<String> url;

    @Inject
    @ConfigProperty(name = "argus.pair.lease-seconds", defaultValue = "10")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "argus.pair.renew-seconds", defaultValue = "2")
    int renewSeconds;

    @Resource(lookup = "java:jboss/datasources/ArgusDS")
    DataSource shared;

    /** The renewals' pool: {@link #LEASE_POOL} if the server has it, else the application's. */
    private DataSource dataSource;

    @Inject
    BackgroundTasks scheduler;

    /** The role's changes, before each takes effect; then {@link #inEffect} says it did. */
    @Inject
    Event<MasterRole> changes;

    @Inject
    Event<RoleInEffect> inEffect;

    private String holder;
    private volatile MasterRole role = MasterRole.ALONE;
    /** System.nanoTime() until which the last renewal vouches for the lease, by this server's own clock. */
    private volatile long confirmedUntil;

    private volatile ActiveMember active = ActiveMember.UNKNOWN;
    private final AtomicLong refused = new AtomicLong();
    private boolean failing;
    /** The standby could not reach the database: on its return it first gives the active one time to renew. */
    private boolean wasAway;
    /** System.nanoTime() until which the standby only reads the lease after an outage; valid while holdingBack. */
    private long holdBackUntil;

    private boolean holdingBack;
    private ScheduledFuture<?> renewing;

    @PostConstruct
    void check() {
        if (!enabled) {
            return;
        }
        if (leaseSeconds < 2 || renewSeconds < 1 || renewSeconds * 2 > leaseSeconds) {
            throw new IllegalStateException("Bad pair settings: argus.pair.lease-seconds (" + leaseSeconds
                    + ") must be at least 2 and at least twice argus.pair.renew-seconds (" + renewSeconds + ")");
        }
        holder = member.filter(m -> !m.isBlank()).orElseGet(LeaseRow::defaultHolder);
        role = MasterRole.standby();
        dataSource = ownPool();
    }

    /** Looked up, not injected: a server configured before the lease pool existed still deploys (and says so). */
    private DataSource ownPool() {
        try {
            return (DataSource) new javax.naming.InitialContext().lookup(LEASE_POOL);
        } catch (javax.naming.NamingException e) {
            LOG.warning(() -> "Master pair: no " + LEASE_POOL + " (server-config/configure-server.cli); the lease is"
                    + " renewed through the application's pool, so a starved pool can cost this server its lease");
            return shared;
        }
    }

    /** The first claim is made at once, so the active one of a pair probes from its start. */
    void start(@Observes Startup startup) {
        if (!enabled) {
            return;
        }
        LOG.info(() -> "Master pair: this server is '" + holder + "'; lease " + leaseSeconds + " s, renewed every "
                + renewSeconds + " s");
        try {
            renewing = scheduler.scheduleWithFixedDelay(this::tick, 0, renewSeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Master pair: not started, the application is stopping", e);
        }
    }

    @PreDestroy
    void stop() {
        if (renewing != null) {
            renewing.cancel(false);
        }
    }

    public MasterRole role() {
        return role;
    }

    /** This bean, not its proxy, for the role asked at every turn (issue 17, as {@code StatusBoard#instance}). */
    public Supplier<MasterLease> instance() {
        return () -> this;
    }

    public boolean paired() {
        return enabled;
    }

    public String holder() {
        return holder;
    }

    /**
     * Whether this server may act on the outside world now (send notifications): active, and its last renewal,
     * by its own clock, still covers this moment. A server frozen past its lease and just resumed is not.
     */
    public boolean confirmed() {
        return !enabled || role.active() && System.nanoTime() - confirmedUntil < 0;
    }

    /** Who held the lease at this server's last attempt (itself while active). */
    public ActiveMember activeMember() {
        return active;
    }

    /** Writes refused by {@link #fence} since this server started. */
    public long refusedWrites() {
        return refused.get();
    }

    /**
     * Called first in a write's transaction: refuses it ({@link LeaseMoved}) unless this server holds the lease at
     * its epoch. The lease row stays share-locked until that transaction ends; should this server freeze inside
     * it, PostgreSQL ends the idle transaction after 5 s, so a frozen writer cannot hold a takeover back.
     */
    public void fence(Connection c) throws SQLException {
        if (enabled) {
            held(c, " for share");
            try (Statement s = c.createStatement()) {
                s.execute("set local idle_in_transaction_session_timeout = '5s'");
            }
        }
    }

    /**
     * As {@link #fence}, without the lock: for a transaction that waits on the outside world (a notification
     * being sent), which must neither hold a takeover back nor be ended for being idle.
     */
    public void check(Connection c) throws SQLException {
        if (enabled) {
            held(c, "");
        }
    }

    private void held(Connection c, String lock) throws SQLException {
        MasterRole r = role;
        boolean held;
        try (PreparedStatement s = c.prepareStatement(HELD + lock)) {
            s.setString(1, holder);
            s.setLong(2, r.epoch());
            try (ResultSet rs = s.executeQuery()) {
                held = rs.next();
            }
        }
        if (!held) {
            refused.incrementAndGet();
            throw new LeaseMoved(holder, r.epoch());
        }
    }

    /**
     * One renewal or takeover attempt; serialised (the executor runs one at a time, and so does this lock). A
     * standby that could not reach the database does not take the lease at once when it returns: the lease ran out
     * during the outage for want of a database, not of an active server, which holds status changes queued under
     * its epoch. The active one renews first (within {@code renew-seconds}); only a lease still not renewed a whole
     * lease period after the return is taken (docs/design/10-platform.md, "What a database outage does to a pair").
     */
    synchronized void tick() {
        long asked = System.nanoTime();
        MasterRole before = role;
        boolean take = before.active() || !holdingBack || asked - holdBackUntil >= 0;
        LeaseRow.Claim got;
        try (Connection c = dataSource.getConnection()) {
            got = LeaseRow.claim(c, holder, url.orElse(""), before.epoch(), leaseSeconds, take && !wasAway);
        } catch (SQLException | RuntimeException e) {
            unreachable(before, e);
            return;
        }
        active = got.active();
        if (failing) {
            failing = false;
            LOG.info("Master pair: the lease can be reached again");
        }
        if (wasAway) {
            wasAway = false;
            holdingBack = true;
            holdBackUntil = asked + TimeUnit.SECONDS.toNanos(leaseSeconds);
            LOG.info(() -> "Master pair: the database is back; " + active.describe() + " has " + leaseSeconds
                    + " s to renew its lease before this standby may take it");
            return;
        }
        if (take) {
            holdingBack = false;
        }
        if (got.epoch() >= 0) {
            confirmedUntil = asked + TimeUnit.SECONDS.toNanos(leaseSeconds);
            if (!before.active() || before.epoch() != got.epoch()) {
                become(new MasterRole(true, got.epoch()));
            }
        } else if (before.active()) {
            become(MasterRole.standby());
        }
    }

    /** The roles stay as they are: neither server can renew or take the lease while the database is away. */
    private void unreachable(MasterRole before, Exception e) {
        if (!before.active() && DatabaseTrouble.isUnreachable(e)) {
            wasAway = true;
        }
        if (!failing) {
            failing = true;
            LOG.warning(() -> "Master pair: cannot reach the lease (" + e + "); staying " + before.label());
        }
    }

    /** Observers catch up first (synchronously), then the new role takes effect, and then they are told it did. */
    private void become(MasterRole next) {
        LOG.info(() -> "Master pair: '" + holder + "' is now " + next.label()
                + (next.active() ? " at epoch " + next.epoch() : " (the lease moved on)"));
        if (!next.active()) {
            role = next; // stop probing and sending first, then catch up
        }
        tell(() -> changes.fire(next), next);
        role = next;
        tell(() -> inEffect.fire(new RoleInEffect(next)), next); // the scheduler's takeover reads the role: now new
    }

    private void tell(Runnable fire, MasterRole next) {
        try {
            fire.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Master pair: an observer of the change to " + next.label() + " failed", e);
        }
    }
}
