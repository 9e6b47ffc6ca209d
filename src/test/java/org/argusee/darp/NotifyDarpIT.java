package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * Notifications under DARP, told exactly once, counted in one GreenMail inbox on loopback that a real master and
 * a real slave both mail to ({@code notify: mail:ops@localhost}, {@code master_notif_gravity: low}, queue time 0
 * so that each transition is one mail). While both run, the master (the lower tag) tells a redundant service's
 * transitions, which both servers see, and a failover service's; the master killed, the slave takes the failover
 * service over and tells its going down, but cannot send it (its SMTP server away: a relay the test resets); the
 * master back, with the service still down, tells it (the slave reports only what it sent, and it sent nothing),
 * and the slave drops its own copy: once its SMTP server is back it sends nothing. Then the master tells the
 * recovery. The mail bodies say which server sent them. (A master back not telling again what its slave did send
 * is NotifyFailoverIT's.)
 */
// One scenario in steps, as DarpFailoverIT: each step starts where the previous one left the servers and the
// inbox; booting two servers per step would cost minutes of CPU. Its servers are DarpPair's (shared with other
// classes: a group and a recipient of its own, deleted at the end; both servers running and connected at the start).
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyDarpIT {

    private static final Logger LOG = Logger.getLogger(NotifyDarpIT.class.getName());
    private static final String TO = "ops@localhost";
    /** How long an extra mail would have had to arrive: a few notification rounds and probe periods. */
    private static final Duration STILL = Duration.ofSeconds(4);
    /** Booting a master under load, and the slave reconnecting and reporting to it. */
    private static final Duration BACK = Duration.ofSeconds(90);

    static DarpPair pair;
    static MailInbox inbox;
    /** The slave's way to the inbox, cut in steps 2 and 3. */
    static Relay slaveSmtp;

    static ArgusServer master;
    static ArgusServer slave;
    static String group;
    static String redundant;
    static String failover;

    @BeforeAll
    static void boot() {
        pair = DarpPair.get();
        master = pair.master;
        slave = pair.slave;
        inbox = pair.inbox(TO);
        slaveSmtp = pair.slaveSmtp;
        group = pair.group("Ntf", "failover", DarpPair.mailedTo(TO));
        pair.files(true, "red", "fo");
        redundant = Cluster.create(master, group, Cluster.reachService("red", "red", "darp_mode", "redundant"));
        failover = Cluster.create(master, group, Cluster.reachService("fo", "fo"));
    }

    @AfterAll
    static void release() {
        if (pair != null) {
            pair.release(group, "red", "fo");
        }
    }

    @Test
    @Order(1)
    void whileBothRunTheMasterAloneTellsEachTransitionOnce() {
        Eventually.await(
                "slave1 connected with both services, both up everywhere they are probed",
                WITHIN.multipliedBy(2),
                () -> "connected".equals(link(slave, MASTER))
                        && "up".equals(statusOf(master, redundant))
                        && "up".equals(statusOf(master, failover))
                        && "up".equals(statusOf(slave, redundant)));

        both("red", false);
        Eventually.await(
                "slave1 sees the redundant service down too", WITHIN, () -> "down".equals(statusOf(slave, redundant)));
        awaitMails(1);
        both("red", true);
        awaitMails(2);
        master.dataFile("fo", false);
        awaitMails(3);
        master.dataFile("fo", true);
        awaitMails(4);
        stillMails(4);

        assertEquals(
                List.of(
                        "DOWN " + redundant + " by master",
                        "UP " + redundant + " by master",
                        "DOWN " + failover + " by master",
                        "UP " + failover + " by master"),
                bodies());
        // slave1 kept both for the master (in case its link fell first) and left them to it once it applied them
        // (or, the master's told state there before slave1 saw it, stored them acked as told by it)
        Eventually.await(
                "slave1's notifications of the redundant service left to the master, none sent",
                WITHIN,
                () -> leftToMaster(Cluster.notifications(slave, redundant)));
    }

    @Test
    @Order(2)
    void theMasterKilledTheSlaveTellsTheFailoverServiceButCannotSendIt() {
        master.kill();
        Eventually.await(
                "slave1 takes the failover service over (probes it: up)",
                WITHIN,
                () -> !"connected".equals(link(slave, MASTER)) && "up".equals(statusOf(slave, failover)));
        slaveSmtp.reset();
        slave.dataFile("fo", false);
        Eventually.await(
                "slave1's notification of the down, its delivery failed (its SMTP server away)", WITHIN, () -> ownDown(
                                slave)
                        .filter(n -> Cluster.deliveryStates(slave, n).contains("failed"))
                        .isPresent());
        stillMails(4);
    }

    @Test
    @Order(3)
    void theMasterBackTellsWhatTheSlaveCouldNotSendAndTheSlaveDropsItsCopy() {
        master.dataFile("fo", false); // still down, as the slave saw it
        master.start();
        LOG.info(() -> "master restarted in " + master.bootTime().toMillis() + " ms");
        inbox.await(5, BACK);
        assertEquals("DOWN " + failover + " by master", bodies().get(4), "slave1 reported nothing told: not sent");
        Eventually.await(
                "slave1's own notification of the down taken off its queue: the master told it", WITHIN, () -> ownDown(
                                slave)
                        .filter(n -> ("told by DARP master " + MASTER).equals(n.getString("ackedBy", null)))
                        .filter(n -> Cluster.deliveryStates(slave, n).stream().allMatch("acked"::equals))
                        .isPresent());
        slaveSmtp.open();
        Eventually.await("slave1 stands by again", WITHIN, () -> "connected".equals(link(slave, MASTER)));
        stillMails(5);

        both("fo", true);
        awaitMails(6);
        stillMails(6);
        assertEquals("UP " + failover + " by master", bodies().get(5));
        assertEquals(
                List.of("DOWN", "UP", "DOWN", "UP", "DOWN", "UP"),
                bodies().stream().map(b -> b.substring(0, b.indexOf(' '))).toList(),
                "every transition told once: " + bodies());
    }

    @Test
    @Order(4)
    void aDownTheSlaveLeftToAMasterThatHungIsToldByTheSlave() {
        Eventually.await("slave1 linked", BACK, () -> "connected".equals(link(slave, MASTER)));
        int before = bodies().size();
        master.hang(); // its socket stays open: slave1's link is up until its timeout (3 s)
        try {
            both("red", false);
            Eventually.await(
                    "slave1 sees the redundant service down", WITHIN, () -> "down".equals(statusOf(slave, redundant)));
            String linkThen = link(slave, MASTER);
            LOG.info(() -> "slave1's link when its down was seen: " + linkThen
                    + " (connected: the down was kept for the master and told when the link fell)");
            awaitMails(before + 1);
            assertEquals("DOWN " + redundant + " by slave1", bodies().get(before), "told by nobody before");
        } finally {
            master.resume();
        }
        Eventually.await("slave1 linked again", BACK, () -> "connected".equals(link(slave, MASTER)));
        stillMails(before + 1); // the thawed master drops its own down: slave1 reported it told it
        both("red", true);
        awaitMails(before + 2);
        stillMails(before + 2);
        assertEquals("UP " + redundant + " by master", bodies().get(before + 1));
    }

    /**
     * Every notification acked as left to the master or told by it (an up: auto-acked, as the plan says), none of
     * its deliveries sent; at least one.
     */
    private static boolean leftToMaster(List<JsonObject> notifications) {
        LOG.info(() -> "slave1's notifications: "
                + notifications.stream()
                        .map(n -> n.getString("status") + " " + n.getString("ackedBy", null) + " "
                                + Cluster.deliveryStates(slave, n))
                        .toList());
        return !notifications.isEmpty()
                && notifications.stream()
                        .allMatch(n ->
                                List.of("left to DARP master " + MASTER, "told by DARP master " + MASTER, "auto-ack")
                                                .contains(n.getString("ackedBy", null))
                                        && Cluster.deliveryStates(slave, n).stream()
                                                .allMatch("acked"::equals));
    }

    /** The server's newest notification of the failover service, if it is of a down. */
    private static Optional<JsonObject> ownDown(ArgusServer server) {
        return Cluster.notifications(server, failover).stream().findFirst().filter(n -> "down"
                .equals(n.getString("status")));
    }

    private static void both(String file, boolean present) {
        master.dataFile(file, present);
        slave.dataFile(file, present);
    }

    private static List<String> bodies() {
        return inbox.bodies();
    }

    private static void awaitMails(int count) {
        inbox.await(count, WITHIN);
    }

    /** No further mail comes for a while: none was sent twice. */
    private static void stillMails(int count) {
        inbox.still(count, STILL);
    }
}
