package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
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
 * The report stream between a master and a slave (separate WildFly processes: {@link DarpPair}'s, shared with other
 * classes and booted once for the run) through a {@link Relay}: the slave's statuses change while the link is cut mid-stream, while it is reset, and around a
 * SIGKILL of the slave; once the link is back, the master holds the slave's every final status (none lost), its
 * durable {@code darp_link.last_seq} is the slave's last acked number, and its transition log for each object has
 * no transition applied twice or out of order (none duplicated).
 */
// One scenario in steps, not independent tests: each step adds to the stream the previous ones left (sequence
// numbers, transition logs), which is what is checked: none lost or applied twice across cuts, resets and a kill.
// Nothing outside this class depends on it or its order: its group and files are its own and deleted at the end;
// the sequence numbers it checks are the link's, which other classes' reports only move on.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DarpStreamRecoveryIT {

    private static final Logger LOG = Logger.getLogger(DarpStreamRecoveryIT.class.getName());
    private static final String SLAVE = DarpPair.SLAVE;
    private static final List<String> FILES = List.of("r1", "r2", "r3", "r4");

    static DarpPair pair;
    static ArgusServer master;
    static ArgusServer slave;
    static Relay relay;
    static String group;
    /** File -> the service that tests it, on both servers. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();
    /** File -> whether it is there on the slave now. */
    static final Map<String, Boolean> PRESENT = new LinkedHashMap<>();

    static Instant started;

    @BeforeAll
    static void boot() {
        started = Instant.now();
        pair = DarpPair.get();
        master = pair.master;
        slave = pair.slave;
        relay = pair.link;
        group = pair.group("Rec", "distributed", "darp_tags", SLAVE);
        for (String file : FILES) {
            SERVICES.put(file, Cluster.create(master, group, Cluster.reachService("rec_" + file, file)));
        }
    }

    @AfterAll
    static void took() {
        if (pair != null) {
            pair.release(group, FILES.toArray(String[]::new));
        }
        LOG.info(() -> "DarpStreamRecoveryIT took "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(1)
    void reportsReachTheMasterWhileConnected() {
        Eventually.await("slave1 connected through the relay", WITHIN, () -> "connected".equals(link(slave, MASTER)));
        flip(Map.of("r1", true, "r2", true, "r3", false, "r4", false));
        settled("connected");
    }

    @Test
    @Order(2)
    void aLinkCutMidStreamLosesNothingAndAppliesNothingTwice() {
        flip(Map.of("r1", false, "r2", false, "r3", true, "r4", true));
        relay.cut(); // while the first of those reports are on their way
        Eventually.await("the slave finds its master silent", WITHIN, () -> !"connected".equals(link(slave, MASTER)));
        flip(Map.of("r1", true));
        slaveProbed();
        relay.open();
        settled("the link cut and healed");
    }

    @Test
    @Order(3)
    void aLinkResetLosesNothingAndAppliesNothingTwice() {
        relay.reset();
        flip(Map.of("r2", true, "r3", false));
        Eventually.await("the slave finds its link reset", WITHIN, () -> !"connected".equals(link(slave, MASTER)));
        slaveProbed();
        relay.open();
        settled("the link reset and opened");
    }

    @Test
    @Order(4)
    void aSlaveKilledMidStreamLosesNothingAndAppliesNothingTwice() {
        flip(Map.of("r1", false, "r4", false));
        slave.kill(); // its reports of those, if already stored, may be unsent or unacked
        flip(Map.of("r2", false));
        slave.start();
        LOG.info(() -> "slave restarted in " + slave.bootTime().toMillis() + " ms");
        settled("the slave killed and restarted");
    }

    /** Creates or removes the files on the slave; the slave's probes see it within a second. */
    private static void flip(Map<String, Boolean> files) {
        files.forEach((file, present) -> {
            slave.dataFile(file, present);
            PRESENT.put(file, present);
        });
    }

    /** The slave's own statuses follow its files (it probes on while away from its master). */
    private static void slaveProbed() {
        Eventually.awaitNone("the slave's own statuses follow its files", WITHIN, () -> {
            List<String> wrong = new ArrayList<>();
            PRESENT.forEach((file, present) -> {
                String got = statusOf(slave, SERVICES.get(file));
                if (!got.equals(present ? "up" : "down")) {
                    wrong.add(file + " " + got + " on the slave");
                }
            });
            return wrong;
        });
    }

    /**
     * After {@code after}: the slave connected, the master holds the slave's last status of every object, its
     * last_seq is the slave's last acked number, and then its status (combined from the one slave's reports) is the
     * slave's with a transition log that never repeats or skips back.
     */
    private static void settled(String after) {
        Instant t0 = Instant.now();
        slaveProbed();
        Eventually.awaitNone("after " + after + ": every report on the master, last_seq = last acked", WITHIN, () -> {
            List<String> wrong = new ArrayList<>();
            if (!"connected".equals(link(slave, MASTER))) {
                wrong.add("the slave is not connected");
            }
            SERVICES.forEach((file, name) -> {
                String own = statusOf(slave, name);
                String reported = Cluster.reported(master, name, SLAVE);
                if (!own.equals(reported)) {
                    wrong.add(file + ": " + own + " on the slave, " + reported + " reported on the master");
                }
            });
            long stored = Cluster.storedLastSeq(master, SLAVE);
            long acked = Cluster.slaveLastAcked(slave);
            if (stored != acked || stored <= 0) {
                wrong.add("darp_link.last_seq " + stored + ", the slave's last acked " + acked);
            }
            return wrong;
        });
        LOG.info(() -> "after " + after + ": all reports on the master in "
                + Duration.between(t0, Instant.now()).toMillis() + " ms, last_seq "
                + Cluster.storedLastSeq(master, SLAVE));
        Eventually.awaitNone("after " + after + ": the master's status of each object is the slave's", WITHIN, () -> {
            List<String> wrong = new ArrayList<>();
            SERVICES.forEach((file, name) -> {
                String own = statusOf(slave, name);
                String shown = statusOf(master, name);
                if (!own.equals(shown)) {
                    wrong.add(file + ": " + own + " on the slave, " + shown + " on the master");
                }
            });
            return wrong;
        });
        List<String> problems = new ArrayList<>();
        SERVICES.forEach((file, name) -> {
            problems.addAll(Cluster.inconsistencies(name, Cluster.transitions(master, name)));
            int onMaster = Cluster.transitions(master, name).size();
            int onSlave = Cluster.transitions(slave, name).size();
            // the master may see fewer (states not yet sent are coalesced), never more, bar its first status
            if (onMaster > onSlave + 1) {
                problems.add(file + ": " + onMaster + " transitions on the master, " + onSlave + " on the slave");
            }
        });
        assertEquals(List.of(), problems, "the master's transition logs after " + after);
        assertTrue(Cluster.storedLastSeq(master, SLAVE) > 0);
    }
}
