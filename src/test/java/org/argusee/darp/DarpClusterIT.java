package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.reachService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.darp.control.link.LinkFailure;
import org.argusee.darp.control.link.LinkSettings;
import org.argusee.darp.control.link.MasterLogin;
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
 * A master and two slaves, each a WildFly process with its own database, booted once for the class; the steps run
 * in order on them (issue 5, "Tests: several real servers on one machine"): the slaves log in (one only once its
 * address is allowed), logins refused for a wrong secret, tag, address or a replay, each slave fetches exactly its
 * objects, a change made on the master through the API or with plain SQL reaches the slave within 5 s, redundant
 * mode with each gravity and distributed mode give the master's combined status of the table when a target is
 * reachable from some servers and not from others ({@code Prog} services testing a file in each server's own data
 * directory), and {@code DARP/Watch/<tag>} follows each slave's link.
 */
// One scenario in steps, not independent tests: each step starts from the cluster the previous ones left (peers
// created, slaves connected, objects fetched), as booting three servers per test would cost about a minute of CPU
// each time (docs/testing.md). Nothing outside this class depends on it or its order; its servers are its own.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DarpClusterIT {

    private static final Logger LOG = Logger.getLogger(DarpClusterIT.class.getName());
    private static final String SECRET1 = "cluster-secret-one";
    private static final String SECRET2 = "cluster-secret-two";
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);
    private static final List<String> GRAVITIES = List.of("up", "down", "vote", "ietf", "self");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    static final ArgusServers SERVERS = new ArgusServers();

    static ArgusServer master;
    static ArgusServer slave1;
    static ArgusServer slave2;
    static Instant started;

    /** Gravity (and "dist") -> the Prog service's full name on the master. */
    static final Map<String, String> REACH = new LinkedHashMap<>();

    static String only1;
    static String only2;
    static String redSelf;
    static String redWatch;
    static String local;
    static String watch1;
    static String watch2;

    @BeforeAll
    static void boot() {
        started = Instant.now();
        master = SERVERS.create(MASTER);
        slave1 = SERVERS.create("slave1");
        slave2 = SERVERS.create("slave2");
        // every login of this class comes from 127.0.0.1: the slaves' refused attempts while their peers are not
        // yet allowed, and this test's own refusals, must not throttle the address (DarpLoginIT tests the limit)
        master.property("argus.darp.login.max-failures", "1000");
        Cluster.slaveOf(slave1, master.url().toString(), SECRET1, 5, 2);
        Cluster.slaveOf(slave2, master.url().toString(), SECRET2, 5, 2);
        SERVERS.startAll(master, slave1, slave2);
        LOG.info(() -> "booted side by side: master " + master.bootTime().toMillis() + " ms, slave1 "
                + slave1.bootTime().toMillis() + " ms, slave2 "
                + slave2.bootTime().toMillis() + " ms");
        tree();
    }

    @AfterAll
    static void took() {
        LOG.info(() ->
                "DarpClusterIT took " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    /** The master's tree; the slaves have none of their own and get theirs from it. */
    private static void tree() {
        String[] fast = {"frequency", "1", "retries", "0", "timeout", "5"};
        String g1 = Cluster.create(
                master, "Top", Cluster.group("Only1", concat(fast, "darp_mode", "distributed", "darp_tags", "slave1")));
        only1 = Cluster.create(master, g1, reachService("only1", "only1"));
        String g2 = Cluster.create(
                master, "Top", Cluster.group("Only2", concat(fast, "darp_mode", "distributed", "darp_tags", "slave2")));
        only2 = Cluster.create(master, g2, reachService("only2", "only2"));

        String red = Cluster.create(master, "Top", Cluster.group("Red", concat(fast, "darp_mode", "redundant")));
        for (String gravity : GRAVITIES) {
            REACH.put(
                    gravity,
                    Cluster.create(
                            master,
                            red,
                            reachService("reach_" + gravity, "reach-" + gravity, "darp_gravity", gravity)));
        }
        redSelf = Cluster.create(master, red, """
                {"kind": "Service", "type": "Self/threads", "parameters": [{"key": "minvalue", "value": "1"}]}""");
        redWatch = Cluster.create(master, red, """
                {"kind": "Service", "type": "DARP/Watch/slave1", "parameters": [{"key": "uname", "value": "red_watch"}]}""");

        String dist = Cluster.create(master, "Top", Cluster.group("Dist", concat(fast, "darp_mode", "distributed")));
        REACH.put(
                "dist", Cluster.create(master, dist, reachService("reach_dist", "reach-dist", "darp_gravity", "down")));

        String watch = Cluster.create(master, "Top", Cluster.group("Watch", fast));
        watch1 = Cluster.create(master, watch, """
                {"kind": "Service", "type": "DARP/Watch/slave1", "parameters": [{"key": "uname", "value": "watch_slave1"}]}""");
        watch2 = Cluster.create(master, watch, """
                {"kind": "Service", "type": "DARP/Watch/slave2", "parameters": [{"key": "uname", "value": "watch_slave2"}]}""");
        String loc = Cluster.create(master, "Top", Cluster.group("Local", fast));
        local = Cluster.create(master, loc, reachService("local", "local"));
    }

    @Test
    @Order(1)
    void slavesConnectOnlyFromAnAllowedAddress() {
        Cluster.peer(master, "slave1", "\"127.0.0.1\"", SECRET1, 5);
        Cluster.peer(master, "slave2", "\"192.0.2.7\"", SECRET2, 5);

        Duration took = Eventually.await(
                "slave1 connected, seen from both ends",
                WITHIN,
                () -> "connected".equals(link(master, "slave1")) && "connected".equals(link(slave1, MASTER)));
        LOG.info(() -> "slave1 connected " + took.toMillis() + " ms after its peer was created");
        Eventually.holds(
                "slave2, allowed only from 192.0.2.7, stays out",
                Duration.ofSeconds(5),
                () -> !"connected".equals(link(master, "slave2")) && !"connected".equals(link(slave2, MASTER)));
        assertEquals("never", link(master, "slave2"));

        Cluster.allow(master, "slave2", "\"127.0.0.1\"");
        Eventually.await(
                "slave2 connected once allowed",
                WITHIN,
                () -> "connected".equals(link(master, "slave2")) && "connected".equals(link(slave2, MASTER)));
        JsonObject seen = Cluster.connection(master, "slave2").orElseThrow();
        assertEquals("127.0.0.1", seen.getString("address"), seen.toString());
    }

    @Test
    @Order(2)
    void loginsAreRefusedForAWrongSecretTagOrAddressAndAReplay() {
        Cluster.peer(master, "ghost", "\"127.0.0.1\"", "ghost-secret", 5);
        try {
            assertNotNull(login("ghost", "ghost-secret").token(), "the right login");
            assertRefused("ghost", "not-the-ghost-secret");
            assertRefused("nobody", "ghost-secret");

            Api anonymous = master.anonymousApi();
            String body = ScramLogins.loginBody(anonymous, "ghost", "ghost-secret");
            assertEquals(200, anonymous.post("api/darp/v1/login", body).status());
            Api.Reply replay = anonymous.post("api/darp/v1/login", body);
            assertEquals(401, replay.status(), "a replayed login: " + replay);

            Cluster.allow(master, "ghost", "\"192.0.2.7\"");
            assertRefused("ghost", "ghost-secret");
        } finally {
            assertEquals(204, master.api().delete("api/darp/peers/ghost").status());
        }
        assertEquals("connected", link(master, "slave1"), "the refusals did not touch the slaves");
        assertEquals("connected", link(master, "slave2"));
    }

    @Test
    @Order(3)
    void eachSlaveHasExactlyItsObjects() {
        List<String> both = new ArrayList<>(REACH.values());
        Eventually.awaitNone("each slave has exactly its objects", WITHIN, () -> {
            List<String> wrong = new ArrayList<>();
            for (String name : both) {
                expect(wrong, slave1, name, true);
                expect(wrong, slave2, name, true);
            }
            expect(wrong, slave1, only1, true);
            expect(wrong, slave1, only2, false);
            expect(wrong, slave2, only2, true);
            expect(wrong, slave2, only1, false);
            for (String never : List.of(redSelf, redWatch, watch1, watch2, local)) {
                expect(wrong, slave1, never, false);
                expect(wrong, slave2, never, false);
            }
            return wrong;
        });
    }

    @Test
    @Order(4)
    void aChangeOnTheMasterReachesTheSlaveWithinFiveSeconds() throws SQLException {
        String group = "Top:Only1";
        Instant changed = Instant.now();
        Cluster.parameter(master, group, "info", "changed through the API");
        Eventually.await("the API change on slave1", LIVE_WITHIN, () -> Cluster.ownParameter(slave1, group, "info")
                .filter("changed through the API"::equals)
                .isPresent());
        LOG.info(() -> "API change on the slave after "
                + Duration.between(changed, Instant.now()).toMillis() + " ms");

        Instant sql = Instant.now();
        try (Connection db = master.database().connect();
                PreparedStatement s = db.prepareStatement("insert into argus.param (object_id, key, value)"
                        + " select id, 'note', 'changed with SQL' from argus.object_full_name where full_name = ?")) {
            s.setString(1, group);
            assertEquals(1, s.executeUpdate());
        }
        Eventually.await("the SQL change on slave1", LIVE_WITHIN, () -> Cluster.ownParameter(slave1, group, "note")
                .filter("changed with SQL"::equals)
                .isPresent());
        LOG.info(() -> "SQL change on the slave after "
                + Duration.between(sql, Instant.now()).toMillis() + " ms");
        assertTrue(Cluster.ownParameter(slave2, group, "note").isEmpty(), "slave2 is not served Top:Only1");
    }

    /**
     * A config slave1 cannot apply (a trigger on its own database refuses the kept copy, so the whole apply rolls
     * back) is named in its DARP view, the master's row, until a retry applies it.
     */
    @Test
    @Order(5)
    void aConfigTheSlaveCannotApplyIsNamedUntilApplied() throws SQLException {
        String group = "Top:Only1";
        try (Connection db = slave1.database().connect();
                java.sql.Statement s = db.createStatement()) {
            s.execute("create function argus.test_refuse() returns trigger language plpgsql"
                    + " as $$ begin raise exception 'refused by DarpClusterIT'; end $$");
            s.execute("create trigger test_refuse before insert or update on argus.darp_slave_config"
                    + " for each row execute function argus.test_refuse()");
        }
        try {
            Cluster.parameter(master, group, "info", "refused once on slave1");
            Eventually.await("slave1 names the config not applied", WITHIN, () -> masterReason(slave1)
                    .contains("not applied: PSQLException: ERROR: refused by DarpClusterIT"));
            assertTrue(
                    Cluster.ownParameter(slave1, group, "info")
                            .filter("refused once on slave1"::equals)
                            .isEmpty(),
                    "nothing of it applied");
        } finally {
            try (Connection db = slave1.database().connect();
                    java.sql.Statement s = db.createStatement()) {
                s.execute("drop trigger test_refuse on argus.darp_slave_config");
                s.execute("drop function argus.test_refuse()");
            }
        }
        Eventually.await(
                "applied on the next try, and no longer named",
                WITHIN,
                () -> Cluster.ownParameter(slave1, group, "info")
                                .filter("refused once on slave1"::equals)
                                .isPresent()
                        && !masterReason(slave1).contains("not applied"));
    }

    private static String masterReason(ArgusServer slave) {
        return Cluster.connection(slave, MASTER)
                .map(c -> c.containsKey("reason") && c.get("reason") instanceof JsonString r ? r.getString() : "")
                .orElse("");
    }

    /** Each gravity against one distribution of reachability, then against another that turns it the other way. */
    @Test
    @Order(6)
    void theMasterCombinesTheReportsByGravity() {
        // gravity -> servers that reach the target; expected combined status (REFERENCE 6, 61-darp-semantics.md)
        Map<String, Set<String>> reach = new LinkedHashMap<>();
        Map<String, String> combined = new LinkedHashMap<>();
        scenario(reach, combined, "up", Set.of("slave2"), "up"); // one up is enough
        scenario(reach, combined, "down", Set.of(MASTER, "slave1", "slave2"), "up"); // all up
        scenario(reach, combined, "vote", Set.of(MASTER, "slave1"), "up"); // 2 up > 1 down
        scenario(reach, combined, "ietf", Set.of(MASTER, "slave2"), "up"); // 2 up > 1 down, all connected
        scenario(reach, combined, "self", Set.of(MASTER), "up"); // only the master's own
        scenario(reach, combined, "dist", Set.of("slave1", "slave2"), "up"); // the master's down not counted
        apply(reach, combined);

        scenario(reach, combined, "up", Set.of(), "down"); // nobody up
        scenario(reach, combined, "down", Set.of(MASTER, "slave1"), "down"); // one down is enough
        scenario(reach, combined, "vote", Set.of("slave1"), "down"); // 1 up <= 2 down
        scenario(reach, combined, "ietf", Set.of("slave1"), "down"); // 1 up <= 2 down
        scenario(reach, combined, "self", Set.of("slave1", "slave2"), "down"); // the slaves' up ignored
        scenario(reach, combined, "dist", Set.of(MASTER, "slave1"), "down"); // the master's up not counted
        apply(reach, combined);
    }

    /**
     * One server of three sees the target down, the two others up: by vote the service is up together, and the
     * failure below the quorum is shown, not hidden: in {@code /api/darp/objects/...} and on the master's object
     * page ("down from 1 of 3"), in a real browser.
     */
    @Test
    @Order(7)
    void aFailureBelowTheQuorumIsShownOnTheObjectPage() {
        String vote = REACH.get("vote");
        Map<String, Set<String>> reach = new LinkedHashMap<>();
        Map<String, String> combined = new LinkedHashMap<>();
        scenario(reach, combined, "vote", Set.of(MASTER, "slave1"), "up");
        apply(reach, combined);
        Eventually.await("slave2 alone reports " + vote + " down", WITHIN, () -> List.of("slave2")
                .equals(downFrom(
                        master.api().get("api/darp/objects/" + Api.encode(vote)).json())));
        JsonObject view =
                master.api().get("api/darp/objects/" + Api.encode(vote)).json();
        assertEquals(3, view.getJsonArray("servers").size(), view.toString());
        assertEquals(List.of("slave2"), downFrom(view), view.toString());
        JsonObject together = view.getJsonObject("combined");
        assertEquals("up", together.getString("status"), view.toString());
        assertEquals(List.of("slave2"), together.getJsonArray("failingWhileUp").getValuesAs(JsonString::getString));

        try (Chromium browser = Chromium.open(master.url())) {
            browser.login(Api.ADMIN, Api.ADMIN_PASSWORD);
            String page = "object.html?name=" + URLEncoder.encode(vote, StandardCharsets.UTF_8);
            // the page draws the views when it loads; on a loaded machine a server's own probe may time out for a
            // round (a Prog with timeout 5 s), so the page is loaded again until it shows the views set up above
            Eventually.await("the object page shows down from 1 of 3", Duration.ofSeconds(60), () -> {
                browser.go(page).waitReady(WITHIN);
                return browser.driver().findElements(By.id("darp-down-from")).stream()
                        .anyMatch(e -> "down from 1 of 3".equals(e.getText()));
            });
            WebElement downFrom = browser.visible(By.id("darp-down-from"), WITHIN);
            assertTrue(downFrom.getAttribute("class").contains("below-quorum"), "marked as below the quorum");
            assertEquals(
                    3,
                    browser.driver()
                            .findElements(By.cssSelector("#darp tbody tr"))
                            .size());
            assertTrue(browser.driver()
                    .findElement(By.cssSelector("#darp tr[data-server=slave2]"))
                    .getText()
                    .contains("down"));
            browser.script("document.getElementById('darp-heading').scrollIntoView();");
            browser.screenshot("object-page-darp-3-servers");
        }
    }

    /** ietf counts only the servers connected now, vote every last report; DARP/Watch follows each slave's link. */
    @Test
    @Order(8)
    void aStoppedSlaveIsWatchedDownAndIetfStopsCountingIt() {
        Eventually.awaitNone(
                "DARP/Watch up for both connected slaves",
                WITHIN,
                () -> mismatches(Map.of(watch1, "up", watch2, "up")));

        Map<String, Set<String>> reach = new LinkedHashMap<>();
        Map<String, String> combined = new LinkedHashMap<>();
        scenario(reach, combined, "vote", Set.of(MASTER, "slave2"), "up");
        scenario(reach, combined, "ietf", Set.of(MASTER, "slave2"), "up");
        apply(reach, combined);

        Instant stop = Instant.now();
        slave2.stop();
        Eventually.await("the master sees slave2 go", WITHIN, () -> "down".equals(link(master, "slave2")));
        Eventually.awaitNone(
                "slave2 watched down, slave1 still up; vote keeps slave2's last report, ietf drops it",
                WITHIN,
                () -> mismatches(
                        Map.of(watch1, "up", watch2, "down", REACH.get("vote"), "up", REACH.get("ietf"), "down")));
        LOG.info(() -> "slave2 stopped; watched down and ietf recombined after "
                + Duration.between(stop, Instant.now()).toMillis() + " ms");
        assertEquals("up", Cluster.reported(master, REACH.get("vote"), "slave2"), "its last report is kept");
    }

    private static List<String> downFrom(JsonObject view) {
        return view.getJsonArray("servers").getValuesAs(JsonObject.class).stream()
                .filter(v -> "down".equals(v.getString("status")))
                .map(v -> v.getString("tag"))
                .toList();
    }

    private static void scenario(
            Map<String, Set<String>> reach,
            Map<String, String> combined,
            String service,
            Set<String> reachedFrom,
            String expected) {
        reach.put(service, reachedFrom);
        combined.put(service, expected);
    }

    /**
     * Creates or removes each server's file, waits until the master holds every slave's matching report (the
     * protocol, which needs no combining), then until the master shows every expected combined status; a failure
     * names every service still wrong.
     */
    private static void apply(Map<String, Set<String>> reach, Map<String, String> combined) {
        List<ArgusServer> running =
                SERVERS.all().stream().filter(ArgusServer::running).toList();
        reach.forEach((service, from) -> running.forEach(s -> s.dataFile(file(service), from.contains(s.name()))));
        Instant applied = Instant.now();
        Eventually.awaitNone("the slaves' reports on the master " + reach, WITHIN, () -> {
            List<String> wrong = new ArrayList<>();
            reach.forEach(
                    (service, from) -> running.stream().filter(s -> s != master).forEach(s -> {
                        String expected = from.contains(s.name()) ? "up" : "down";
                        String got = Cluster.reported(master, REACH.get(service), s.name());
                        if (!expected.equals(got)) {
                            wrong.add(service + " from " + s.name() + ": " + got + ", not " + expected);
                        }
                    }));
            return wrong;
        });
        Map<String, String> byName = new LinkedHashMap<>();
        combined.forEach((service, status) -> byName.put(REACH.get(service), status));
        Eventually.awaitNone("the master's combined statuses " + combined, WITHIN, () -> mismatches(byName));
        LOG.info(() -> "combined " + combined + " after "
                + Duration.between(applied, Instant.now()).toMillis() + " ms");
        reach.clear();
        combined.clear();
    }

    private static List<String> mismatches(Map<String, String> expected) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((name, status) -> {
            String got = Cluster.statusOf(master, name);
            if (!status.equals(got)) {
                wrong.add(name + " " + got + ", not " + status);
            }
        });
        return wrong;
    }

    private static String file(String service) {
        return "reach-" + service;
    }

    private static void expect(List<String> wrong, ArgusServer server, String fullName, boolean present) {
        if (Cluster.exists(server, fullName) != present) {
            wrong.add(fullName + (present ? " missing on " : " served to ") + server.name());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // logins from the test JVM, over HTTP to the real master, with the application's own client

    private static MasterLogin.Session login(String tag, String secret) {
        try {
            return client(tag, secret).login().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("login of " + tag + " failed", e);
        }
    }

    private static void assertRefused(String tag, String secret) {
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> client(tag, secret).login().get(30, TimeUnit.SECONDS),
                "login of " + tag + " accepted");
        assertInstanceOf(LinkFailure.Unauthorized.class, e.getCause(), e.toString());
    }

    private static MasterLogin client(String tag, String secret) {
        return new MasterLogin(
                HTTP,
                LinkSettings.of(
                        master.anonymousApi().base(),
                        tag,
                        secret,
                        null,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10)),
                new SecureRandom());
    }
}
