package org.argusee.darp;

import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The drills of issue 16 in their short form: an active/standby master pair on one database, at the default lease
 * (10 s, renewed every 2 s). The standby probes nothing and refuses slaves but serves reads; the active one
 * SIGKILLed, then (restarted as the standby) the other one SIGSTOPped: each time the standby is active within
 * 15 s, the transition log has exactly one entry per change of the target (none lost, none twice), and the frozen
 * one, resumed, steps down. A slave given both masters' URLs follows the active one each time. The full form, with more rounds and figures, is bench/master-pair.sh.
 * Notifications (issue 14) ride along: each transition is told by one mail, counted in one GreenMail inbox that each
 * server of the pair mails through its own relay. Before each drill the active server's relay is reset, so the
 * mail of its last transition is queued (failed, retrying) when it is killed or frozen: the new active one sends it
 * from the shared outbox, once, and the old one, back, sends nothing.
 */
// One scenario in steps, not independent tests: each drill starts from the roles the previous one left, as booting
// two servers per test costs about 40 s of CPU each time (docs/testing.md). Its servers are its own.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterPairIT {

    private static final Logger LOG = Logger.getLogger(MasterPairIT.class.getName());
    /** Issue 16's bound at the default lease: the standby is active within this after the active one stops. */
    private static final Duration TAKEOVER = Duration.ofSeconds(15);

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    private static final String SECRET = "pair-secret";
    private static final String TO = "pair@localhost";
    /** The slave's argus.darp.master.timeout and .frequency, seconds, as in DarpFailoverIT. */
    private static final int TIMEOUT = 3;

    private static final int FREQUENCY = 2;

    static ArgusServer first;
    static ArgusServer second;
    /** A slave given both masters' URLs, first's first. */
    static ArgusServer slave;

    static String service;
    static boolean reachable = true;
    /** Changes of the target that the active server showed: the transitions the log must hold, no more, no less. */
    static int flips;

    static Instant started;

    static MailInbox inbox;
    /** Each pair server's way to the inbox: reset, its SMTP server is away. */
    static Relay firstSmtp;

    static Relay secondSmtp;

    @BeforeAll
    static void boot() {
        started = Instant.now();
        ArgusServer[] pair = MasterPair.create(SERVERS, "pair-a", "pair-b");
        first = pair[0];
        second = pair[1];
        inbox = new MailInbox(TO);
        firstSmtp = inbox.relayFor(first);
        secondSmtp = inbox.relayFor(second);
        for (ArgusServer s : pair) {
            s.property("argus.notify.flap-count", "0"); // a drill flips the target a dozen times: each is told
        }
        slave = SERVERS.create("slave1");
        Cluster.slaveOf(slave, first.url() + "," + second.url(), SECRET, TIMEOUT, FREQUENCY);
        // the first creates the schema and the admin, then the second finds them
        first.start();
        Cluster.peer(first, "slave1", "\"127.0.0.1\"", SECRET, TIMEOUT);
        SERVERS.startAll(second, slave);
        Eventually.await(
                "pair-a active, pair-b standby",
                WITHIN,
                () -> MasterPair.isActive(first) && MasterPair.isStandby(second));
        reach(true);
        String group = Cluster.create(
                first,
                "Top",
                Cluster.group(
                        "Pair",
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
        service = Cluster.create(first, group, Cluster.reachService("pair_probe", "pair"));
        Eventually.await("the active server shows the service up", WITHIN, () -> "up".equals(statusOf(first, service)));
    }

    @AfterAll
    static void took() {
        for (AutoCloseable c : new AutoCloseable[] {firstSmtp, secondSmtp, inbox}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.warning(() -> "cannot close " + c + ": " + e);
            }
        }
        LOG.info(() ->
                "MasterPairIT took " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(1)
    void theStandbyProbesNothingRefusesSlavesAndServesReads() {
        flip(first);
        flip(first);
        Eventually.await(
                "the standby reads what the active one stored", WITHIN, () -> "up".equals(statusOf(second, service)));
        Api.Reply refused = second.anonymousApi().post("api/darp/v1/challenge", """
                        {"tag": "slave1", "clientNonce": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}""");
        assertEquals(503, refused.status(), refused.toString());
        assertEquals("urn:argus:problem:standby", refused.json().getString("type"));
        assertEquals(
                200, first.anonymousApi().post("api/darp/v1/challenge", """
                        {"tag": "slave1", "clientNonce": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}""").status());
        Eventually.await("the slave is connected to the active master", WITHIN, () -> connectedTo(first));
        logIsExact(first);
        toldOnceEach(false);
    }

    @Test
    @Order(2)
    void theStandbyTakesOverWithin15sWhenTheActiveOneIsKilled() {
        long epoch = MasterPair.role(first).orElseThrow().epoch();
        flipUnsent(first, firstSmtp);
        first.kill();
        firstSmtp.open(); // for its restart as the standby
        Duration took =
                Eventually.await("pair-b active after pair-a's SIGKILL", TAKEOVER, () -> MasterPair.isActive(second));
        LOG.info(() -> "SIGKILL drill: pair-b active " + took.toMillis() + " ms after pair-a was killed");
        assertTrue(MasterPair.role(second).orElseThrow().epoch() > epoch, "a takeover raises the epoch");
        Duration followed =
                Eventually.await("the slave follows the new active master", WITHIN, () -> connectedTo(second));
        LOG.info(() -> "SIGKILL drill: the slave connected to pair-b " + followed.toMillis() + " ms after that");
        flip(second);
        flip(second);
        logIsExact(second);
        toldOnceEach(false);
    }

    @Test
    @Order(3)
    void theStandbyTakesOverWhenTheActiveOneHangsAndTheFrozenOneStepsDown() {
        first.start();
        Eventually.await("pair-a back as the standby", WITHIN, () -> MasterPair.isStandby(first));
        flipUnsent(second, secondSmtp);
        second.hang();
        Duration took =
                Eventually.await("pair-a active after pair-b's SIGSTOP", TAKEOVER, () -> MasterPair.isActive(first));
        LOG.info(() -> "SIGSTOP drill: pair-a active " + took.toMillis() + " ms after pair-b was frozen");
        flip(first); // while pair-b is frozen: when it resumes, its last probe disagrees with the target
        second.resume();
        Duration down = Eventually.await("pair-b, resumed, steps down", WITHIN, () -> MasterPair.isStandby(second));
        long refused = MasterPair.role(second).orElseThrow().refusedWrites();
        LOG.info(() -> "SIGSTOP drill: pair-b standby " + down.toMillis() + " ms after SIGCONT; " + refused
                + " write(s) of it refused by fencing");
        assertTrue(MasterPair.isActive(first), "pair-a stays active");
        Eventually.await("the slave follows pair-a again", WITHIN, () -> connectedTo(first));
        flip(first);
        logIsExact(first);
        Eventually.holds(
                "nothing more in the log (pair-b writes nothing)",
                Duration.ofSeconds(3),
                () -> Cluster.transitions(first, service).size() == flips);
        secondSmtp.open(); // pair-b could send now: it must not, it is the standby and its mail went out
        toldOnceEach(true);
    }

    /**
     * Fencing itself, made certain rather than left to a race: a drill session takes the lease from under the active
     * server and holds that change uncommitted while the target changes; the active server probes, and its write of
     * the transition waits on the lease row. Once the change commits, that write is refused (counted), the server
     * steps down, and when the lease is let go the transition is logged once, by whichever server takes over.
     */
    @Test
    @Order(4)
    void aWriteUnderALeaseThatMovedOnIsRefused() throws Exception {
        long before = MasterPair.role(first).orElseThrow().refusedWrites();
        try (Connection c = first.database().connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update argus.master_lease set holder = 'drill', epoch = epoch + 1,"
                        + " expires_at = now() + interval '1 hour'");
            }
            Instant changed = Instant.now();
            reach(!reachable);
            flips++;
            Eventually.await("pair-a probes the changed target", WITHIN, () -> {
                String at = Cluster.checkedAt(first, service);
                return at != null && Instant.parse(at).isAfter(changed.plusMillis(200));
            });
            c.commit();
        }
        Eventually.await(
                "pair-a's write refused by fencing, and pair-a standby",
                WITHIN,
                () -> MasterPair.role(first).orElseThrow().refusedWrites() > before && MasterPair.isStandby(first));
        long refused = MasterPair.role(first).orElseThrow().refusedWrites() - before;
        LOG.info(() -> "fencing drill: " + refused + " write(s) of pair-a refused after the lease moved on");
        try (Connection c = first.database().connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("update argus.master_lease set expires_at = '-infinity' where holder = 'drill'");
        }
        Eventually.await(
                "a server of the pair takes the lease back",
                WITHIN,
                () -> MasterPair.isActive(first) || MasterPair.isActive(second));
        ArgusServer active = MasterPair.isActive(first) ? first : second;
        String expected = reachable ? "up" : "down";
        Eventually.await(
                active.name() + " logs the change once", WITHIN, () -> expected.equals(statusOf(active, service)));
        logIsExact(active);
        flip(active);
        logIsExact(active);
        toldOnceEach(true);
    }

    /** Whether the slave's link is up and the master at hand has it connected. */
    private static boolean connectedTo(ArgusServer master) {
        return "connected".equals(Cluster.link(slave, Cluster.MASTER))
                && "connected".equals(Cluster.link(master, "slave1"));
    }

    /** Makes the target change and waits until the active server shows it. */
    private static void flip(ArgusServer active) {
        reach(!reachable);
        flips++;
        String expected = reachable ? "up" : "down";
        Eventually.await(
                active.name() + " shows the service " + expected,
                WITHIN,
                () -> expected.equals(statusOf(active, service)));
    }

    /**
     * Flips the target with the active server's SMTP server away, and waits until the mail of that transition failed
     * on it: it is queued in the outbox (retried every second) when the drill stops that server.
     */
    private static void flipUnsent(ArgusServer active, Relay smtp) {
        smtp.reset();
        flip(active);
        Eventually.await(
                active.name() + "'s mail of the transition failed, queued", WITHIN, () -> failedDeliveries(active) > 0);
    }

    private static int failedDeliveries(ArgusServer server) {
        try (Connection c = server.database().connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select count(*) from argus.notification_delivery where state = 'failed'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every transition told by one mail: none lost in a drill, none sent by both servers. A mail sent twice shows
     * as two DOWNs or two UPs in a row, here or at the next check; after the drills a while without more mail.
     */
    private static void toldOnceEach(boolean thenQuiet) {
        inbox.await(flips, WITHIN);
        if (thenQuiet) {
            inbox.still(flips, Duration.ofSeconds(3));
        }
        List<String> kinds = inbox.bodies().stream()
                .map(b -> b.substring(0, Math.max(0, b.indexOf(' '))))
                .toList();
        for (int i = 0; i < kinds.size(); i++) {
            assertEquals(
                    i % 2 == 0 ? "DOWN" : "UP",
                    kinds.get(i),
                    "mails in the order of the transitions: " + inbox.bodies());
        }
    }

    /** Both servers probe "the same target": a file in each one's data directory. */
    private static void reach(boolean up) {
        reachable = up;
        first.dataFile("pair", up);
        second.dataFile("pair", up);
    }

    /** One transition per change of the target (the first up is not logged), in a consistent order. */
    private static void logIsExact(ArgusServer reader) {
        List<JsonObject> log = Cluster.transitions(reader, service);
        assertEquals(List.of(), Cluster.inconsistencies(service, log));
        assertEquals(flips, log.size(), "one transition per change of the target: " + log);
    }
}
