package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.checkedAt;
import static org.argusee.darp.Cluster.link;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover between a master and a slave, separate WildFly processes booted once for the class: while the master
 * is connected the slave stands by (does not probe the failover services: their check time stays still); the
 * master killed with SIGKILL, or frozen with SIGSTOP, the slave takes over within 2 x timeout + frequency (its check
 * times move); the master back (restarted, or SIGCONT), the slave stands by again. The slave's view of its master
 * ({@code /api/darp/connections}) follows each change.
 */
// One scenario in steps, not independent tests: each step starts where the previous left the master (killed,
// restarted, frozen, resumed), as booting two servers per test would cost about 40 s of CPU each time
// (docs/testing.md). Nothing outside this class depends on it or its order; its servers are its own.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DarpFailoverIT {

    private static final Logger LOG = Logger.getLogger(DarpFailoverIT.class.getName());
    private static final String SECRET = "failover-secret";
    /** argus.darp.master.timeout and .frequency on the slave, seconds. */
    private static final int TIMEOUT = 3;

    private static final int FREQUENCY = 2;
    /** The failover services' own frequency, seconds: a probe comes due at most this long after the takeover. */
    private static final int PROBE_EVERY = 1;
    /**
     * The documented bound (2 x timeout + frequency), plus one probe period for the first probe to come due, plus 3 s
     * for a machine shared with other builds; the time measured is logged.
     */
    private static final Duration TAKEOVER = Duration.ofSeconds(2L * TIMEOUT + FREQUENCY + PROBE_EVERY + 3);
    /** How long the check time must stay still to count as standing by: three probe periods. */
    private static final Duration QUIET = Duration.ofSeconds(3L * PROBE_EVERY);

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    static ArgusServer master;
    static ArgusServer slave;
    static String service;
    static Instant started;
    /** Whether the last standing-by check passed: a takeover means something only after the slave stood by. */
    static boolean stoodBy;

    @BeforeAll
    static void boot() {
        started = Instant.now();
        master = SERVERS.create(MASTER);
        slave = SERVERS.create("slave1");
        master.property("argus.darp.login.max-failures", "1000");
        Cluster.slaveOf(slave, master.url().toString(), SECRET, TIMEOUT, FREQUENCY);
        SERVERS.startAll(master, slave);
        LOG.info(() -> "booted side by side: master " + master.bootTime().toMillis() + " ms, slave "
                + slave.bootTime().toMillis() + " ms");
        Cluster.peer(master, "slave1", "\"127.0.0.1\"", SECRET, TIMEOUT);
        String group = Cluster.create(
                master,
                "Top",
                Cluster.group(
                        "Fail",
                        "darp_mode",
                        "failover",
                        "frequency",
                        Integer.toString(PROBE_EVERY),
                        "retries",
                        "0",
                        "timeout",
                        "5"));
        service = Cluster.create(master, group, Cluster.reachService("failover_probe", "failover"));
        master.dataFile("failover", true);
        slave.dataFile("failover", true);
    }

    @AfterAll
    static void took() {
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
