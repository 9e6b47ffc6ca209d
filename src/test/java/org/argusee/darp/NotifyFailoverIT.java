package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The failover duplicate of issue 14, between a real master and slave mailing one GreenMail inbox: the master tells
 * a failover service down and sends its slave what it told; the master is SIGKILLed and the slave, restarted
 * meanwhile (what it was told is in its database), takes the service over while it stays down: no second "down".
 * The service comes up while the master is dead: one "up", from the slave. The slave restarted again, then the
 * master back: it learns from the slave's reports (read from the slave's database) that the recovery was told,
 * and tells nothing. Then the master hung (SIGSTOP) instead: the slave takes over and does not tell again the down
 * the master told just before; it tells the recovery; the master thawed (SIGCONT) tells neither. Five server boots,
 * so it is one scenario in steps, as NotifyDarpIT, on the servers of {@link DarpPair} (shared with other classes:
 * a group and a recipient of its own, deleted at the end; both servers running and connected at the start).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyFailoverIT {

    private static final String TO = "oncall@localhost";
    private static final Duration STILL = Duration.ofSeconds(5);
    /** Booting a server under load, and the slave reconnecting and reporting to it. */
    private static final Duration BACK = Duration.ofSeconds(120);

    static DarpPair pair;
    static MailInbox inbox;
    static ArgusServer master;
    static ArgusServer slave;
    static String group;
    static String failover;

    @BeforeAll
    static void boot() {
        pair = DarpPair.get();
        master = pair.master;
        slave = pair.slave;
        inbox = pair.inbox(TO);
        group = pair.group("Fov", "failover", DarpPair.mailedTo(TO));
        pair.files(true, "fo");
        failover = Cluster.create(master, group, Cluster.reachService("fo", "fo"));
    }

    @AfterAll
    static void release() {
        if (pair != null) {
            pair.release(group, "fo");
        }
    }

    @Test
    @Order(1)
    void theMasterTellsTheDownOnceAndItsSlaveKeepsWhatItTold() {
        Eventually.await(
                "slave1 connected, the failover service up on the master",
                WITHIN.multipliedBy(2),
                () -> "connected".equals(link(slave, MASTER)) && "up".equals(statusOf(master, failover)));
        master.dataFile("fo", false);
        slave.dataFile("fo", false);
        inbox.await(1, WITHIN);
        assertEquals("DOWN " + failover + " by master", inbox.bodies().get(0));
        Eventually.await(
                "slave1 has stored that master told the service down",
                WITHIN,
                () -> toldIn(slave, MASTER, failover).filter("down"::equals).isPresent());
    }

    @Test
    @Order(2)
    void theMasterKilledTheRestartedSlaveTakesOverAndDoesNotTellTheDownAgain() {
        slave.stop(); // so that it cannot take over before its restart: what it knows then is from its database
        master.kill();
        slave.start();
        Eventually.await(
                "slave1, restarted without its master, takes the service over and sees it down", BACK, () -> "down"
                        .equals(statusOf(slave, failover)));
        Eventually.await(
                "slave1's own notification of the down, not sent: the master told it",
                WITHIN,
                () -> Cluster.notifications(slave, failover).stream()
                        .anyMatch(n -> "down".equals(n.getString("status"))
                                && ("told by DARP master " + MASTER).equals(n.getString("ackedBy", null))));
        inbox.still(1, STILL);
        JsonObject kept = Cluster.notifications(slave, failover).get(0);
        assertTrue(
                Cluster.deliveryStates(slave, kept).stream().allMatch("acked"::equals),
                "nothing of it was sent: " + Cluster.deliveryStates(slave, kept));
    }

    @Test
    @Order(3)
    void theServiceUpWhileTheMasterIsDeadTheSlaveTellsTheRecoveryOnce() {
        slave.dataFile("fo", true);
        inbox.await(2, WITHIN);
        inbox.still(2, STILL);
        assertEquals("UP " + failover + " by slave1", inbox.bodies().get(1));
    }

    @Test
    @Order(4)
    void theMasterBackAfterTheSlaveRestartedDoesNotTellTheRecoveryAgain() {
        slave.restart();
        Eventually.await("slave1 restarted still knows what it told", WITHIN, () -> toldIn(slave, "", failover)
                .filter("up"::equals)
                .isPresent());
        master.dataFile("fo", true); // its database still says down, as it was when it died
        master.start();
        // an up is acknowledged at its creation ("auto-ack"): what shows that the master dropped it is that none of
        // its deliveries was sent, all taken off the queue as told by the slave
        Eventually.await(
                "the master's own notification of the recovery, not sent: slave1 told it",
                BACK,
                () -> Cluster.notifications(master, failover).stream()
                        .filter(n -> "up".equals(n.getString("status")))
                        .anyMatch(n -> {
                            List<String> states = Cluster.deliveryStates(master, n);
                            return !states.isEmpty() && states.stream().allMatch("acked"::equals);
                        }));
        Eventually.await("slave1 stands by again", WITHIN, () -> "connected".equals(link(slave, MASTER)));
        inbox.still(2, STILL);
        assertEquals(
                List.of("DOWN " + failover + " by master", "UP " + failover + " by slave1"),
                inbox.bodies(),
                "each transition told once");
    }

    @Test
    @Order(5)
    void aHungMasterThawedTellsNeitherWhatItToldBeforeNorWhatTheSlaveToldMeanwhile() {
        Eventually.await(
                "slave1 connected again, the failover service up on the master",
                BACK,
                () -> "connected".equals(link(slave, MASTER)) && "up".equals(statusOf(master, failover)));
        Instant before = Instant.now();
        master.dataFile("fo", false);
        slave.dataFile("fo", false);
        inbox.await(3, WITHIN);
        assertEquals("DOWN " + failover + " by master", inbox.bodies().get(2));
        Eventually.await("slave1 heard that the master told the new down", WITHIN, () -> toldSince(
                        slave, MASTER, failover, before)
                .filter("down"::equals)
                .isPresent());

        master.hang(); // SIGSTOP: its sockets stay open, nothing answers
        Eventually.await(
                "slave1 gives the hung master up, takes the service over and sees it down",
                WITHIN,
                () -> !"connected".equals(link(slave, MASTER)) && "down".equals(statusOf(slave, failover)));
        slave.dataFile("fo", true);
        inbox.await(4, WITHIN);
        assertEquals("UP " + failover + " by slave1", inbox.bodies().get(3), "the down was not told again");

        master.dataFile("fo", true);
        master.resume();
        Eventually.await("slave1 stands by again", BACK, () -> "connected".equals(link(slave, MASTER)));
        Eventually.await(
                "the thawed master's own notification of the recovery, not sent: slave1 told it",
                BACK,
                () -> Cluster.notifications(master, failover).stream()
                        .filter(n -> "up".equals(n.getString("status")))
                        .filter(n -> Instant.parse(n.getString("transitionAt")).isAfter(before))
                        .anyMatch(n -> {
                            List<String> states = Cluster.deliveryStates(master, n);
                            return !states.isEmpty() && states.stream().allMatch("acked"::equals);
                        }));
        inbox.still(4, STILL);
    }

    /** What {@code teller} ('' for the server itself) told last of the object, as kept in the server's database. */
    private static Optional<String> toldIn(ArgusServer server, String teller, String object) {
        return toldSince(server, teller, object, Instant.EPOCH);
    }

    /** The same, if it was told of a transition after {@code since}. */
    private static Optional<String> toldSince(ArgusServer server, String teller, String object, Instant since) {
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement("select status from argus.darp_told where teller = ?"
                        + " and object_name = ? and told_at > ?")) {
            s.setString(1, teller);
            s.setString(2, object);
            s.setTimestamp(3, java.sql.Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
