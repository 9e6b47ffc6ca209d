package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.checkedAt;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import org.argusee.platform.DrillDatabase;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16's drills of one member of a master pair losing its database while the other keeps it (docs/testing.md):
 * the run's {@link MasterPairFixture} (shared with {@link MasterPairIT}): a pair on a PostgreSQL of the drills' own,
 * each member reaching it through a relay of its own and with a pool of 4 connections, and a slave given both URLs
 * that stands by for a failover service and reports a distributed one. The member active at the start (cut-a below,
 * {@code first} in the code) is the one the drills starve and cut; the other is cut-b ({@code second}).
 * <ol>
 *   <li>cut-a's pool starved (every connection held by requests waiting behind a slow query's lock) for longer
 *       than the lease: cut-a keeps its lease at its epoch (the renewal has a pool of its own), the slave's link
 *       stays up (its reports wait for the database unacked, the pings are answered), the slave never probes the
 *       failover service; afterwards the reports of the starved time are stored.
 *   <li>cut-a's way to PostgreSQL cut (a partition: nothing passes, connections hang): cut-b takes over within
 *       15 s, the slave follows it, each change of the target is logged once and mailed once (never by both); the
 *       way back open, cut-a steps down and what it probed meanwhile is refused by fencing, not stored.
 * </ol>
 */
// One scenario in steps: each drill starts from the roles the previous one left (booting three servers per test
// would cost minutes of CPU). Its groups (the starved writes' too), data files and recipient are its own, deleted at
// its end; it reads the first member's log from a mark taken before its drill.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterPairCutOffIT {

    private static final Logger LOG = Logger.getLogger(MasterPairCutOffIT.class.getName());
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    /** Longer than the lease (10 s) plus a renewal (2 s): a renewal that waited behind the pool would lose it. */
    private static final Duration STARVED = Duration.ofSeconds(15);

    private static final String TO = "cut@localhost";
    private static final int POOL = MasterPairFixture.POOL;
    /** Names this class's groups and the starved writes' groups. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static MasterPairFixture fixture;
    static DrillDatabase db;
    static Relay way;
    static MailInbox inbox;
    static ArgusServer first;
    static ArgusServer second;
    static ArgusServer slave;
    /** Probed by the master, mailed: the transitions that must be logged and told once each. */
    static String service;
    /** darp_mode failover: the slave stands by while it has a master. */
    static String failover;
    /** darp_mode distributed, probed by the slave: its changes are reports the master must store. */
    static String reported;

    static boolean reachable = true;
    static boolean slaveSees = true;
    static int flips;
    static final List<String> GROUPS = new ArrayList<>();

    @BeforeAll
    static void boot() {
        fixture = MasterPairFixture.get();
        db = fixture.database();
        first = fixture.active();
        second = fixture.other(first);
        slave = fixture.slave;
        way = fixture.databaseWay(first);
        inbox = fixture.inbox(TO);
        for (ArgusServer s : new ArgusServer[] {first, second, slave}) {
            s.dataFile("cut", true);
            s.dataFile("cutfail", true);
            s.dataFile("cutrep", true);
        }
        String mailed = Cluster.create(
                first,
                "Top",
                Cluster.group(
                        "Cut_" + RUN,
                        "frequency",
                        "1",
                        "retries",
                        "0",
                        "timeout",
                        "5",
                        "notify",
                        "mail:" + TO,
                        "message_fmt",
                        "%s %o"));
        GROUPS.add(mailed);
        service = Cluster.create(first, mailed, Cluster.reachService("cut_probe", "cut"));
        String fail = Cluster.create(
                first,
                "Top",
                Cluster.group(
                        "CutFail_" + RUN, "darp_mode", "failover", "frequency", "1", "retries", "0", "timeout", "5"));
        GROUPS.add(fail);
        failover = Cluster.create(first, fail, Cluster.reachService("cut_failover", "cutfail"));
        String dist = Cluster.create(
                first,
                "Top",
                Cluster.group(
                        "CutRep_" + RUN,
                        "darp_mode",
                        "distributed",
                        "darp_tags",
                        "slave1",
                        "frequency",
                        "1",
                        "retries",
                        "0",
                        "timeout",
                        "5"));
        GROUPS.add(dist);
        reported = Cluster.create(first, dist, Cluster.reachService("cut_report", "cutrep"));
        Eventually.await(first.name() + " shows the service up", WITHIN, () -> "up".equals(statusOf(first, service)));
        Eventually.await(
                "the slave connected to " + first.name() + ", with both DARP services",
                WITHIN,
                () -> connectedTo(first) && Cluster.exists(slave, failover) && Cluster.exists(slave, reported));
        Eventually.await("the slave's report of the distributed service stored on " + first.name(), WITHIN, () -> "up"
                .equals(Cluster.reported(first, reported, "slave1")));
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            List<String> made = new ArrayList<>(GROUPS);
            for (int i = 0; i < POOL * 2; i++) {
                made.add("Top:" + PoolStarver.group(RUN, i)); // what the starved writes made, once through
            }
            fixture.release(made, "cut", "cutfail", "cutrep");
        }
    }

    @Test
    @Order(1)
    void aStarvedPoolLosesNeitherTheLeaseNorTheSlave() throws Exception {
        MasterPair.Role before = MasterPair.role(first).orElseThrow();
        String standingBy = checkedAt(slave, failover);
        long acked = Cluster.slaveLastAcked(slave);
        Instant start;
        long mark = first.logMark();
        try (PoolStarver starved = new PoolStarver(db, first, POOL * 2, RUN)) {
            Eventually.await(
                    first.name() + " marks its answers Argus-Database: unavailable", WITHIN, () -> "unavailable"
                            .equals(first.api()
                                    .get("api/status/" + Api.encode(service))
                                    .header("Argus-Database")));
            start = Instant.now();
            slaveFlips(); // a report that must wait for the first's pool
            Eventually.holds(
                    "for " + STARVED.toSeconds() + " s: " + first.name() + " holds the lease at epoch " + before.epoch()
                            + ", " + second.name() + " standby, the slave connected to " + first.name()
                            + " and standing by",
                    STARVED,
                    () -> MasterPair.leaseHeldBy(db, first, before.epoch())
                            && "connected".equals(link(slave, MASTER))
                            && MasterPair.isStandby(second)
                            && Objects.equals(standingBy, checkedAt(slave, failover)));
            slaveFlips();
        }
        Duration stored = Eventually.await(
                "the slave's reports of the starved time acked and stored on " + first.name(),
                WITHIN,
                () -> Cluster.slaveLastAcked(slave) >= acked + 2
                        && (slaveSees ? "up" : "down").equals(Cluster.reported(first, reported, "slave1")));
        assertTrue(MasterPair.stillActive(first, before), first.name() + " active at its epoch, nothing refused");
        assertEquals("connected", link(slave, MASTER));
        // the starved time in the first's log (from the mark): one WARN when the database went, one when it answered
        // again (with the
        // number of the container's lines about its absence left out), none of Hibernate's ERRORs
        Eventually.await(first.name() + " logs that the database answers again", WITHIN, () -> first.logSince(mark)
                .contains("The database answers again"));
        String log = first.logSince(mark);
        assertTrue(log.contains("about its absence left out"), "the count of the lines left out");
        assertFalse(log.contains("ERROR [org.hibernate.engine.jdbc.spi.SqlExceptionHelper]"), "Hibernate's ERRORs");
        LOG.info(() ->
                "starved pool drill: " + Duration.between(start, Instant.now()).toMillis() + " ms; reports stored "
                        + stored.toMillis() + " ms after the lock went; lease and link kept");
    }

    @Test
    @Order(2)
    void theMemberCutOffFromPostgresStepsAsideAndTheOtherTakesOver() {
        flip(first);
        toldOnceEach();
        long epoch = MasterPair.role(first).orElseThrow().epoch();
        way.cut();
        Instant cut = Instant.now();
        Duration took = Eventually.await(
                second.name() + " active after " + first.name() + "'s cut",
                TAKEOVER,
                () -> MasterPair.isActive(second));
        assertTrue(MasterPair.role(second).orElseThrow().epoch() > epoch, "a takeover raises the epoch");
        Duration followed = Eventually.await("the slave follows " + second.name(), WITHIN, () -> connectedTo(second));
        flip(second);
        flip(second);
        toldOnceEach();
        logIsExact(second);
        Duration cutFor = Duration.between(cut, Instant.now());
        way.open();
        Duration down =
                Eventually.await(first.name() + ", back, is the standby", WITHIN, () -> MasterPair.isStandby(first));
        long refused = MasterPair.role(first).orElseThrow().refusedWrites();
        assertTrue(MasterPair.isActive(second), second.name() + " stays active");
        flip(second);
        logIsExact(second);
        inbox.await(flips, WITHIN);
        Eventually.holds(
                "no more mail, no more transitions (" + first.name() + " writes and sends nothing)",
                Duration.ofSeconds(3),
                () -> inbox.mails().size() == flips
                        && Cluster.transitions(second, service).size() == flips);
        toldOnceEach();
        LOG.info(() -> "cut-off drill: " + second.name() + " active " + took.toMillis()
                + " ms after the cut; the slave on "
                + second.name() + " " + followed.toMillis() + " ms after that; cut " + cutFor.toMillis() + " ms; "
                + first.name() + " standby " + down.toMillis() + " ms after the way opened; " + refused
                + " write(s) of " + first.name() + " refused by fencing");
    }

    private static boolean connectedTo(ArgusServer master) {
        return "connected".equals(link(slave, MASTER)) && "connected".equals(link(master, MasterPairFixture.SLAVE));
    }

    /** The slave's target of the distributed service changes, and the slave shows it (a report to send). */
    private static void slaveFlips() {
        slaveSees = !slaveSees;
        slave.dataFile("cutrep", slaveSees);
        String expected = slaveSees ? "up" : "down";
        Eventually.await(
                "the slave sees the distributed service " + expected,
                WITHIN,
                () -> expected.equals(statusOf(slave, reported)));
    }

    private static void flip(ArgusServer active) {
        reachable = !reachable;
        flips++;
        for (ArgusServer s : new ArgusServer[] {first, second}) {
            s.dataFile("cut", reachable);
        }
        String expected = reachable ? "up" : "down";
        Eventually.await(
                active.name() + " shows the service " + expected,
                WITHIN,
                () -> expected.equals(statusOf(active, service)));
    }

    /** Each transition mailed once, in order: a mail sent by both servers shows as two DOWNs or UPs in a row. */
    private static void toldOnceEach() {
        inbox.await(flips, WITHIN);
        List<String> bodies = inbox.bodies();
        assertEquals(flips, bodies.size(), "one mail per transition: " + bodies);
        for (int i = 0; i < bodies.size(); i++) {
            assertTrue(bodies.get(i).startsWith(i % 2 == 0 ? "DOWN" : "UP"), "mails in order: " + bodies);
        }
    }

    private static void logIsExact(ArgusServer reader) {
        List<JsonObject> log = Cluster.transitions(reader, service);
        assertEquals(List.of(), Cluster.inconsistencies(service, log));
        assertEquals(flips, log.size(), "one transition per change of the target: " + log);
    }
}
