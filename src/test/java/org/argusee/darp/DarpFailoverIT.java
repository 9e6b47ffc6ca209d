package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.checkedAt;
import static org.argusee.darp.Cluster.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Failover between a master and a slave, separate WildFly processes ({@link DarpPair}, shared with other classes,
 * booted once for the run): while the master
 * is connected the slave stands by (does not probe the failover services: their check time stays still); the
 * master killed with SIGKILL, or frozen with SIGSTOP, the slave takes over within 2 x timeout + frequency (its check
 * times move); the master back (restarted, or SIGCONT), the slave stands by again and shows the service unknown
 * again, not the result it found while it tested it. The slave's view of its master
 * ({@code /api/darp/connections}) follows each change.
 */
// One scenario in steps, not independent tests: each step starts where the previous left the master (killed,
// restarted, frozen, resumed), as booting two servers per test would cost about 40 s of CPU each time
// (docs/testing.md). Nothing outside this class depends on it or its order: it works in a group of its own, which it
// deletes at the end, and DarpPair gives it both servers running and connected whatever the class before left.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DarpFailoverIT {

    private static final Logger LOG = Logger.getLogger(DarpFailoverIT.class.getName());
    /** argus.darp.master.timeout and .frequency on the slave, seconds. */
    private static final int TIMEOUT = DarpPair.TIMEOUT;

    private static final int FREQUENCY = DarpPair.FREQUENCY;
    /** The failover services' own frequency, seconds: a probe comes due at most this long after the takeover. */
    private static final int PROBE_EVERY = DarpPair.PROBE_EVERY;
    /**
     * The documented bound (2 x timeout + frequency), plus one probe period for the first probe to come due, plus 3 s
     * for a machine shared with other builds; the time measured is logged.
     */
    private static final Duration TAKEOVER = Duration.ofSeconds(2L * TIMEOUT + FREQUENCY + PROBE_EVERY + 3);
    /** How long the check time must stay still to count as standing by: three probe periods. */
    private static final Duration QUIET = Duration.ofSeconds(3L * PROBE_EVERY);

    static DarpPair pair;
    static ArgusServer master;
    static ArgusServer slave;
    static String group;
    static String service;
    static Instant started;
    /** Whether the last standing-by check passed: a takeover means something only after the slave stood by. */
    static boolean stoodBy;

    @BeforeAll
    static void boot() {
        started = Instant.now();
        pair = DarpPair.get();
        master = pair.master;
        slave = pair.slave;
        group = pair.group("Fail", "failover");
        service = Cluster.create(master, group, Cluster.reachService("failover_probe", "failover"));
        pair.files(true, "failover");
    }

    @AfterAll
    static void took() {
        if (pair != null) {
            pair.release(group, "failover");
        }
        LOG.info(() -> "DarpFailoverIT took "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(1)
    void theSlaveStandsByWhileItsMasterIsConnected() {
        Eventually.await(
                "slave1 connected with the failover service",
                WITHIN,
                () -> "connected".equals(link(slave, MASTER)) && Cluster.exists(slave, service));
        Eventually.await("the master probes the failover service", WITHIN, () -> checkedAt(master, service) != null);
        standsBy();
    }

    @Test
    @Order(2)
    void theSlaveTakesOverWhenItsMasterIsKilled() {
        String before = checkedAt(slave, service);
        master.kill();
        takesOver(before, "killed");
    }

    @Test
    @Order(3)
    void theSlaveStandsByAgainWhenItsMasterIsRestarted() {
        master.start();
        LOG.info(() -> "master restarted in " + master.bootTime().toMillis() + " ms");
        Eventually.await(
                "slave1 reconnected",
                WITHIN,
                () -> "connected".equals(link(slave, MASTER)) && "connected".equals(link(master, "slave1")));
        standsBy();
        handedBack();
    }

    @Test
    @Order(4)
    void theSlaveTakesOverWhenItsMasterHangs() {
        String before = checkedAt(slave, service);
        master.hang();
        takesOver(before, "frozen (SIGSTOP)");
    }

    @Test
    @Order(5)
    void theSlaveStandsByAgainWhenItsMasterResumes() {
        master.resume();
        Eventually.await(
                "slave1 reconnected after SIGCONT",
                WITHIN,
                () -> "connected".equals(link(slave, MASTER)) && "connected".equals(link(master, "slave1")));
        standsBy();
        handedBack();
    }

    /** The slave's check time of the failover service stays still for a while once connected. */
    private static void standsBy() {
        stoodBy = false;
        Duration took = Eventually.await(
                "slave1 stops probing the failover service (check time still for " + QUIET.toMillis() + " ms; last "
                        + checkedAt(slave, service) + ")",
                WITHIN,
                Cluster.unchangedFor(QUIET, () -> checkedAt(slave, service)));
        LOG.info(() -> "slave1 standing by after " + took.toMillis() + " ms (including " + QUIET.toMillis()
                + " ms of stillness)");
        stoodBy = true;
    }

    /**
     * Having handed the service back, the slave shows it unknown, as before any takeover, not the result it found
     * while it tested it (up here): it no longer tests it, so that result would stay for ever.
     */
    private static void handedBack() {
        Eventually.await(
                "slave1 shows the failover service unknown once its master tests it again (shows "
                        + Cluster.statusOf(slave, service) + ")",
                WITHIN,
                () -> "unknown".equals(Cluster.statusOf(slave, service)));
        // and its own row in the DARP view says why it has no result: it stands by for its master
        JsonObject own = Cluster.views(slave, service).get("slave1");
        assertEquals("unknown", own.getString("status"), "slave1's own row: " + own);
        assertTrue(
                own.getString("reason", "").endsWith("master " + MASTER + " is up: standing by"),
                "slave1's own row says it stands by for its master: " + own);
        assertEquals(true, Cluster.viewOf(slave, service).getBoolean("peers"), "a slave has DARP peers");
    }

    /** The slave sees its master down and probes the failover service, twice, the first within the bound. */
    private static void takesOver(String before, String how) {
        assertTrue(
                stoodBy,
                "the slave was not standing by before its master was " + how
                        + " (see the step before): a takeover cannot be told from probing all along");
        Instant t0 = Instant.now();
        Duration took = Eventually.await(
                "slave1 probes the failover service after its master was " + how,
                TAKEOVER,
                () -> !Objects.equals(before, checkedAt(slave, service)));
        LOG.info(() -> "master " + how + ": slave1 probed after " + took.toMillis() + " ms (bound "
                + TAKEOVER.toMillis() + " ms)");
        assertNotEquals("connected", link(slave, MASTER), "the slave shows its master down");
        String first = checkedAt(slave, service);
        Eventually.await(
                "slave1 keeps probing",
                Duration.ofSeconds(5L * PROBE_EVERY + 5),
                () -> !Objects.equals(first, checkedAt(slave, service)));
        LOG.info(() -> "takeover after the master was " + how + ": "
                + Duration.between(t0, Instant.now()).toMillis() + " ms to the second probe");
    }
}
