package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.checkedAt;
import static org.argusee.darp.Cluster.connection;
import static org.argusee.darp.Cluster.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.argusee.darp.control.link.Backoff;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Chromium;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Editing a slave's peer on the master while the slave is connected (issue 16), between two real servers: a label,
 * timeout or equivalent address edit keeps the link (same {@code since}, no failover takeover on the slave); an
 * address list that no longer allows the slave drops it once, with the link record written (no transaction error in
 * the master's log) and {@code since}/{@code lastHeard} shown for the slave that is down; put right again, the slave
 * is back without having locked its own address out (the master keeps its default number of failed logins, in a
 * window shortened as much as the slave's wait after a refusal, and the slave's refused retries must stay under
 * it); {@code PUT} answers the new {@code updatedAt}; a DARP/Watch created through the API is checked at once. The
 * master's DARP peers page (issue 13) shows the connected slave, and its drop live, without a reload.
 */
// One scenario in steps, not independent tests: each step starts where the previous left the link, as booting
// two servers per test would cost about 40 s of CPU each time (docs/testing.md). Nothing outside this class
// depends on it or its order; its servers are its own.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DarpPeerEditIT {

    private static final Logger LOG = Logger.getLogger(DarpPeerEditIT.class.getName());
    private static final String SECRET = "peer-edit-secret";
    private static final String PEER = "api/darp/peers/slave1";
    private static final int TIMEOUT = 3;
    private static final int FREQUENCY = 2;
    /**
     * The default pace and rate limit, both divided by this: the slave waits {@link Backoff#REFUSED}/5 after a
     * refusal, the master allows 5 failures (its default) in 60/5 s. The ratio the test checks is the defaults' own
     * (at most 4 refusals in a window that allows 5; {@code RefusedPaceTest} checks it for the defaults), but three
     * refusals take 12 s instead of 60 s.
     */
    static final int SCALE = 5;
    /** The slave's {@code argus.darp.master.refused-wait} here. */
    static final Duration REFUSED_WAIT = Backoff.REFUSED.dividedBy(SCALE);
    /** The master's {@code argus.darp.login.window} here (default 60 s). */
    static final Duration LOGIN_WINDOW = Duration.ofSeconds(60 / SCALE);
    /** A refused slave waits about {@link #REFUSED_WAIT} (+20 %) before it tries again; plus 15 s for load. */
    private static final Duration BACK =
            REFUSED_WAIT.multipliedBy(12).dividedBy(10).plusSeconds(15);
    /** Standing by: the failover service's check time on the slave still for three probe periods. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** What the slave logs for each login its master refuses. */
    private static final String REFUSED = "login refused by the master (HTTP 401)";

    private static final String ROW = "#peers tr[data-tag='slave1']";

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    static ArgusServer master;
    static ArgusServer slave;
    static String service;
    static Instant started;
    static String since;
    static int refusedBefore;
    /** The master's DARP peers page, open from the first step to the drop (issue 13: the link shown live). */
    static Chromium page;

    @BeforeAll
    static void boot() {
        started = Instant.now();
        master = SERVERS.create(MASTER);
        slave = SERVERS.create("slave1");
        // the master keeps the default number of failed logins per address (5), in a window as much shorter as the
        // slave's wait after a refusal: the slave's refused attempts before its peer exists, and after its address
        // is taken away, must stay under it
        Cluster.slaveOf(slave, master.url().toString(), SECRET, TIMEOUT, FREQUENCY);
        slave.property("argus.darp.master.refused-wait", Long.toString(REFUSED_WAIT.toSeconds()));
        master.property("argus.darp.login.window", Long.toString(LOGIN_WINDOW.toSeconds()));
        SERVERS.startAll(master, slave);
        Cluster.peer(master, "slave1", "\"127.0.0.1\"", SECRET, TIMEOUT);
        String group = Cluster.create(
                master,
                "Top",
                Cluster.group("Fail", "darp_mode", "failover", "frequency", "1", "retries", "0", "timeout", "5"));
        service = Cluster.create(master, group, Cluster.reachService("failover_probe", "failover"));
        master.dataFile("failover", true);
        slave.dataFile("failover", true);
    }

    @AfterAll
    static void took() {
        if (page != null) {
            page.close();
        }
        LOG.info(() -> "DarpPeerEditIT took "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(1)
    void theSlaveConnectsWithoutTrippingTheRateLimit() {
        Eventually.await(
                "slave1 connected with the failover service",
                BACK,
                () -> "connected".equals(link(master, "slave1"))
                        && "connected".equals(link(slave, MASTER))
                        && Cluster.exists(slave, service));
        standsBy();
        since = sinceOnMaster();
        assertNoThrottle();
        page = Chromium.open(master.url()).login(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.go("admin-peers.html").waitReady(Duration.ofSeconds(20));
        page.until(Duration.ofSeconds(20), d -> "connected".equals(linkShown()));
        page.until(Duration.ofSeconds(20), d -> !peerCell("td:nth-child(7)").isEmpty()); // last heard
        page.script("window.sameDocument = true;");
        page.screenshot("admin-peers-connected");
    }

    @Test
    @Order(2)
    void aLabelOrTimeoutEditKeepsTheLinkAndAnswersTheNewUpdatedAt() {
        String before = master.api().get(PEER).json().getString("updatedAt");
        Api.Reply put = master.api().put(PEER, "{\"label\": \"edited while connected\", \"timeoutSeconds\": 4}");
        assertEquals(200, put.status(), put.toString());
        String answered = put.json().getString("updatedAt");
        assertTrue(Instant.parse(answered).isAfter(Instant.parse(before)), before + " then " + answered);
        assertEquals(master.api().get(PEER).json().getString("updatedAt"), answered, "PUT answers what GET shows");
        // the same list again, and one that still allows the slave: no drop either
        Cluster.allow(master, "slave1", "\"127.0.0.1\"");
        Cluster.allow(master, "slave1", "\"127.0.0.3\", \"127.0.0.1\"");
        standsBy(); // a drop would show as a takeover: the slave probes its failover service while its master is away
        assertEquals("connected", link(master, "slave1"));
        assertEquals(since, sinceOnMaster(), "the master's link to slave1 is the same connection");
        assertClean();
    }

    @Test
    @Order(3)
    void anAddressListThatNoLongerAllowsTheSlaveDropsItAndWritesTheLinkRecord() {
        refusedBefore = refusals();
        Instant t0 = Instant.now();
        Cluster.allow(master, "slave1", "\"127.0.0.2\"");
        Eventually.await("slave1 down on the master", Cluster.WITHIN, () -> "down".equals(link(master, "slave1")));
        JsonObject down = connection(master, "slave1").orElseThrow();
        LOG.info(() -> "slave1 on the master after its address was taken away: " + down);
        assertTrue(down.get("since") instanceof JsonString, "since of a slave that is down: " + down);
        assertTrue(down.get("lastHeard") instanceof JsonString, "lastHeard of a slave that is down: " + down);
        assertTrue(down.getString("reason").contains("peer changed"), down.toString());
        assertFalse(Instant.parse(down.getString("since")).isBefore(t0.minusSeconds(1)), down.toString());
        List<Object> row = linkRow();
        assertNotNull(row.get(0), "darp_link.disconnected_at");
        assertTrue(String.valueOf(row.get(1)).contains("peer changed"), "darp_link.down_reason: " + row.get(1));
        assertNotNull(row.get(2), "darp_link.last_heard_at");
        page.until(Duration.ofSeconds(20), d -> "down".equals(linkShown()));
        // read inside the wait: the live page may redraw the row between finding the cell and reading it
        page.until(Duration.ofSeconds(20), d -> peerCell("td.link").contains("peer changed"));
        assertEquals(Boolean.TRUE, page.script("return window.sameDocument === true;"), "shown live, no reload");
        assertClean();
    }

    /** The link state the master's peers page shows for slave1. */
    private static String linkShown() {
        List<WebElement> cell = page.driver().findElements(By.cssSelector(ROW + " td.link"));
        return cell.isEmpty() ? null : cell.get(0).getAttribute("data-state");
    }

    private static String peerCell(String css) {
        List<WebElement> cell = page.driver().findElements(By.cssSelector(ROW + " " + css));
        return cell.isEmpty() ? "" : cell.get(0).getText();
    }

    @Test
    @Order(4)
    void putRightTheSlaveIsBackWithoutLockingItselfOut() {
        // let the slave be refused three times first: at its old pace (every 2 s here, its reconnect cap) it would
        // have tripped the master's rate limit (5 failures in 12 s here) and been answered 429 for the window
        Duration refused = Eventually.await(
                "slave1 refused three times since its address was taken away",
                BACK.multipliedBy(3),
                () -> refusals() >= refusedBefore + 3);
        LOG.info(() -> "three refused logins took " + refused.toMillis() + " ms");
        assertNoThrottle();
        Instant t0 = Instant.now();
        Cluster.allow(master, "slave1", "\"127.0.0.1\"");
        Duration back = Eventually.await(
                "slave1 connected again",
                BACK,
                () -> "connected".equals(link(master, "slave1")) && "connected".equals(link(slave, MASTER)));
        LOG.info(() -> "slave1 back " + Duration.between(t0, Instant.now()).toMillis() + " ms after its address was"
                + " allowed again (" + back.toMillis() + " ms of waiting)");
        assertNoThrottle();
        standsBy();
        assertClean();
    }

    @Test
    @Order(5)
    void aDarpWatchCreatedThroughTheApiIsCheckedAtOnce() {
        String group = Cluster.create(master, "Top", Cluster.group("Watch"));
        Instant t0 = Instant.now();
        String watch = Cluster.create(master, group, """
                {"kind": "Service", "type": "DARP/Watch/slave1", "parameters": [{"key": "uname", "value": "w1"}]}""");
        // default frequency (60 s): without the immediate first check it would stay unknown for up to a minute
        Duration took;
        try {
            took = Eventually.await("DARP/Watch/slave1 up on the master", Duration.ofSeconds(20), () -> "up"
                    .equals(Cluster.statusOf(master, watch)));
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; its status: " + Cluster.status(master, watch) + "; link: "
                            + connection(master, "slave1").orElse(null),
                    e);
        }
        LOG.info(() -> "DARP/Watch up " + Duration.between(t0, Instant.now()).toMillis() + " ms after its creation ("
                + took.toMillis() + " ms waited)");
    }

    /** The slave does not probe its failover service: its master link held (no takeover). */
    private static void standsBy() {
        Eventually.await(
                "slave1 stands by (the failover service's check time still for " + QUIET.toMillis() + " ms)",
                Cluster.WITHIN,
                Cluster.unchangedFor(QUIET, () -> checkedAt(slave, service)));
    }

    private static String sinceOnMaster() {
        return connection(master, "slave1").orElseThrow().getString("since");
    }

    /** No transaction error from the peer edits (WFLYEJB0064/0034, TransactionRequiredException), no ERROR at all. */
    private static void assertClean() {
        String log = log(master);
        for (String bad : List.of("WFLYEJB0064", "WFLYEJB0034", "TransactionRequiredException", " ERROR ")) {
            assertFalse(log.contains(bad), "the master's server.log has " + bad + ":\n" + master.logTail(80));
        }
    }

    /** How many refused logins the slave has logged so far. */
    private static int refusals() {
        String log = log(slave);
        int n = 0;
        for (int i = log.indexOf(REFUSED); i >= 0; i = log.indexOf(REFUSED, i + 1)) {
            n++;
        }
        return n;
    }

    private static void assertNoThrottle() {
        assertFalse(log(slave).contains("HTTP 429"), "the slave was throttled:\n" + slave.logTail(80));
    }

    private static String log(ArgusServer server) {
        Path file = server.baseDir().resolve("log/server.log");
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** darp_link's disconnected_at, down_reason, last_heard_at for slave1 on the master. */
    private static List<Object> linkRow() {
        try (Connection db = master.database().connect();
                PreparedStatement s = db.prepareStatement("select disconnected_at, down_reason, last_heard_at"
                        + " from argus.darp_link where tag = 'slave1'")) {
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "a darp_link row for slave1");
                return java.util.Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read darp_link", e);
        }
    }
}
