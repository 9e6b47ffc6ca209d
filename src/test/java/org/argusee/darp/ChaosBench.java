package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers started and killed in ways the ITs do not try (bench/chaos.sh NAME runs the scenario of that name; docs/
 * reliability.md, "Killed in other ways"). Each scenario boots its own master and slave(s), each with its own
 * database, the slave reaching the master through a {@link Relay}; Prog services that test a data file of the slave
 * are flipped throughout, every transition is mailed to GreenMail with the server's tag in the body. At the end:
 * the master's view of each service equals the slave's, no transition log has a report applied twice, the master's
 * stored sequence number is the slave's last acked one, and the mails hold each transition once. Named *Bench so
 * that mvn verify never runs it.
 */
class ChaosBench {

    private static final Logger LOG = Logger.getLogger(ChaosBench.class.getName());
    static final String SECRET = "chaos-secret";
    static final String SLAVE = "slave1";
    static final int TIMEOUT = 3;
    static final Duration BACK = Duration.ofMinutes(4);
    private static final int SERVICES = 4;

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final MailInbox mail = new MailInbox("chaos@localhost");
    private final FlippedServices flipped = new FlippedServices();
    private final Map<String, String> services = flipped.services;
    private final Map<String, Boolean> present = flipped.present;
    private final List<String> figures = new ArrayList<>();
    private ArgusServer master;
    private ArgusServer slave;
    private Relay relay;
    private String scenario = "none";
    /** Whether the slave leaves the services to its master while linked (failover): then its own status is not checked. */
    private boolean standsBy;

    @org.junit.jupiter.api.BeforeEach
    void named(org.junit.jupiter.api.TestInfo info) {
        scenario = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("none");
    }

    @AfterEach
    void close() throws java.io.IOException {
        figures.forEach(f -> LOG.info(() -> "chaos: " + f));
        // what the servers said, kept for reading: their databases are dropped with them
        StringBuilder dump = new StringBuilder();
        for (ArgusServer s : servers.all()) {
            for (String service : services.values()) {
                if (s.running() && !s.hung()) {
                    dump.append(s.name())
                            .append(' ')
                            .append(service)
                            .append(" transitions ")
                            .append(Cluster.transitions(s, service))
                            .append('\n');
                    dump.append(s.name())
                            .append(' ')
                            .append(service)
                            .append(" notifications ")
                            .append(Cluster.notifications(s, service))
                            .append('\n');
                }
            }
        }
        dump.append("mails ").append(mail.bodies()).append('\n');
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "chaos-" + scenario + ".txt"), dump);
        mail.close();
        if (relay != null) {
            relay.close();
        }
    }

    /** The slave boots long before its master exists; then the master is killed and restarted in quick rounds. */
    @Test
    void flappingMaster() {
        master = servers.create("chaos-master");
        slave = servers.create("chaos-slave");
        settings();
        slave.start();
        Instant waited = Instant.now();
        Eventually.holds("the slave waits for a master that is not there", Duration.ofSeconds(30), () -> !"connected"
                .equals(link(slave, MASTER)));
        master.start();
        Cluster.peer(master, SLAVE, "\"127.0.0.1\"", SECRET, TIMEOUT);
        Duration connected = Eventually.await(
                "the slave connects once its master exists", BACK, () -> "connected".equals(link(slave, MASTER)));
        figures.add("slave booted " + Duration.between(waited, Instant.now()).toSeconds() + " s before; connected "
                + connected.toMillis() + " ms after the peer was added");
        build("darp_mode", "distributed", "master_notif_gravity", "low");
        settled();
        for (int round = 1; round <= 3; round++) {
            flipAll();
            master.kill(); // mid-probe-round and mid-report: the flips are being reported
            flipAll();
            master.launch();
            sleepFor(Duration.ofSeconds(4L * round)); // mid-boot: deployment, Flyway, first connections
            master.kill();
            flipAll();
            master.start();
            flipAll();
            master.kill(); // just ready: the slave is logging in or fetching its config
            master.start();
            settled();
            figures.add("round " + round + ": consistent after kill/launch/kill mid-boot/start/kill ready/start");
        }
        noDuplicateMails();
    }

    /** Two slaves with the same tag and secret: how the master and the slaves behave over a minute. */
    @Test
    void twoSlavesOneTag() {
        master = servers.create("chaos-master");
        slave = servers.create("chaos-slave");
        ArgusServer twin = servers.create("chaos-twin");
        settings();
        twin.property("argus.darp.tag", SLAVE);
        Cluster.slaveOf(twin, relay.url().toString(), SECRET, TIMEOUT, 2);
        servers.startAll(master, slave);
        Cluster.peer(master, SLAVE, "\"127.0.0.1\"", SECRET, TIMEOUT);
        Eventually.await("the slave connects", BACK, () -> "connected".equals(link(slave, MASTER)));
        build("darp_mode", "distributed", "master_notif_gravity", "low");
        settled();
        twin.start();
        long before = connections(slave);
        Instant start = Instant.now();
        int downs = 0;
        String last = "connected";
        while (Duration.between(start, Instant.now()).toSeconds() < 60) {
            String now = link(master, SLAVE);
            if (!now.equals(last) && "down".equals(now)) {
                downs++;
            }
            last = now;
            sleepFor(Duration.ofMillis(200));
        }
        figures.add("one minute with a twin: slave reconnected " + (connections(slave) - before) + " times, twin "
                + connections(twin) + " times; master saw the link down " + downs + " times");
    }

    /** The link black-holed (both ways, connections kept) for longer than every timeout, three times. */
    @Test
    void blackHole() {
        linked("failover");
        for (int round = 1; round <= 3; round++) {
            relay.cut();
            Duration down = Eventually.await(
                    "the slave counts its master down", WITHIN, () -> !"connected".equals(link(slave, MASTER)));
            Duration masterDown = Eventually.await(
                    "the master counts its slave down", WITHIN, () -> !"connected".equals(link(master, SLAVE)));
            sleepFor(Duration.ofSeconds(TIMEOUT * 2L));
            relay.open();
            settled();
            figures.add("round " + round + ": slave saw the cut after " + down.toMillis() + " ms, master after "
                    + masterDown.toMillis() + " ms more");
        }
        noDuplicateMails();
    }

    /**
     * Distributed services flipped while the slave stays connected (no kill): who tells each transition? With
     * master_notif_gravity low the master (tag "master" sorts before "slave1") has the duty while the link is up.
     */
    @Test
    void distributedConnected() {
        linked("distributed");
        for (int round = 1; round <= 2; round++) {
            flipAll();
            settled();
            sleepFor(Duration.ofSeconds(5)); // a bench: the mails of the round have time to come
            figures.add("round " + round + ": mails so far " + mail.bodies());
        }
        noDuplicateMails();
    }

    /**
     * The master frozen (SIGSTOP: sockets open, nothing answers) for three slave timeouts while the failover services
     * flip, then thawed; three times. The slave must take over while it is frozen and give back after, and the mails
     * tell each state once.
     */
    @Test
    void hungMaster() {
        linked("failover");
        for (int round = 1; round <= 3; round++) {
            master.hang();
            flipAll();
            Duration down = Eventually.await(
                    "the slave counts its master down", WITHIN, () -> !"connected".equals(link(slave, MASTER)));
            services.forEach((file, service) ->
                    Eventually.await("the slave took " + service + " over", WITHIN, () -> statusOf(slave, service)
                            .equals(present.get(file) ? "up" : "down")));
            sleepFor(Duration.ofSeconds(TIMEOUT * 3L));
            master.resume();
            settled();
            figures.add("round " + round + ": the slave saw the hang after " + down.toMillis() + " ms");
        }
        noDuplicateMails();
    }

    /**
     * One server, no DARP: SIGKILL at a random moment of the second after the services flip (the status writer's
     * rounds, the notification sender's), five times. After each restart every status is right, the transition
     * logs consistent, the first notification stays acknowledged, and every mail tells another state than the last.
     */
    @Test
    void singleKill() {
        master = servers.create("chaos-single");
        mail.mailedBy(master);
        flipped.on(master);
        master.start();
        build();
        alone();
        flipAll();
        alone();
        mail.await(SERVICES, WITHIN);
        String first = services.values().iterator().next();
        long acked =
                Cluster.notifications(master, first).get(0).getJsonNumber("id").longValue();
        assertEquals(
                200,
                master.api().post("api/notifications/" + acked + "/ack", "").status());
        java.util.Random random = new java.util.Random(16);
        for (int round = 1; round <= 5; round++) {
            flipAll();
            sleepFor(Duration.ofMillis(500 + random.nextInt(1500)));
            master.kill();
            master.start();
            alone();
            String state = master.api().get("api/notifications/" + acked).json().getString("state");
            figures.add("round " + round + ": consistent; the acked notification is " + state + "; mails so far "
                    + mail.bodies().size());
            assertEquals("acked", state, "an ack kept across SIGKILL");
        }
        noDuplicateMails();
    }

    /** A lone server's statuses as the files say, its logs consistent. */
    private void alone() {
        services.forEach((file, service) -> Eventually.await(
                service + " " + (present.get(file) ? "up" : "down"),
                WITHIN.multipliedBy(2),
                () -> statusOf(master, service).equals(present.get(file) ? "up" : "down")));
        for (String service : services.values()) {
            assertEquals(
                    List.of(),
                    Cluster.inconsistencies(service, Cluster.transitions(master, service)),
                    "log of " + service);
        }
    }

    /** A master and its slave booted side by side and linked, the flipped services in a group of this darp_mode. */
    private void linked(String mode) {
        master = servers.create("chaos-master");
        slave = servers.create("chaos-slave");
        settings();
        startLinked(servers, master, slave);
        build("darp_mode", mode, "master_notif_gravity", "low");
        settled();
    }

    private void settings() {
        relay = paired(master, slave);
        mail.mailedBy(master, slave);
        flipped.on(master, slave);
    }

    /** A chaos scenario's master and slave settings; the slave reaches the master through the relay returned. */
    static Relay paired(ArgusServer master, ArgusServer slave) {
        Relay relay = Relay.to(master.url().getPort());
        master.property("argus.darp.tag", MASTER).property("argus.darp.login.max-failures", "1000");
        slave.property("argus.darp.tag", SLAVE);
        Cluster.slaveOf(slave, relay.url().toString(), SECRET, TIMEOUT, 2);
        return relay;
    }

    /** Boots the two side by side, adds the slave's peer on the master and waits until the slave is connected. */
    static void startLinked(ArgusServers servers, ArgusServer master, ArgusServer slave) {
        servers.startAll(master, slave);
        Cluster.peer(master, SLAVE, "\"127.0.0.1\"", SECRET, TIMEOUT);
        Eventually.await("the slave connects", BACK, () -> "connected".equals(link(slave, MASTER)));
    }

    /** The group of the flipped services on the master, with these parameters besides (key, value...). */
    private void build(String... parameters) {
        // probed every second, no retries, each transition mailed alone with the telling server's tag
        List<String> all =
                new ArrayList<>(List.of("frequency 1 retries 0 timeout 5 notify mail:chaos@localhost".split(" ")));
        all.addAll(List.of("message_fmt", "%s %o by %d"));
        all.addAll(List.of(parameters));
        standsBy = all.contains("failover");
        flipped.build(master, all, SERVICES);
    }

    private void flipAll() {
        flipped.flipAll();
    }

    /** The slave connected, every service's status on the master what the files say, the sequence numbers agree. */
    private void settled() {
        Eventually.await(
                "slave1 connected on both ends",
                BACK,
                () -> "connected".equals(link(slave, MASTER)) && "connected".equals(link(master, SLAVE)));
        services.forEach((file, service) -> Eventually.await(
                service + " " + (present.get(file) ? "up" : "down") + " on the master and the slave",
                WITHIN.multipliedBy(2),
                () -> statusOf(master, service).equals(present.get(file) ? "up" : "down")
                        && (standsBy || statusOf(slave, service).equals(present.get(file) ? "up" : "down"))));
        Eventually.await(
                "the master's stored last_seq is the slave's last acked",
                WITHIN,
                () -> Cluster.storedLastSeq(master, SLAVE) == Cluster.slaveLastAcked(slave));
        for (String service : services.values()) {
            assertEquals(
                    List.of(),
                    Cluster.inconsistencies(service, Cluster.transitions(master, service)),
                    "master's log of " + service);
        }
    }

    /** Every mail of one object says another state than the one before it: nothing told twice. */
    private void noDuplicateMails() {
        sleepFor(Duration.ofSeconds(5)); // a bench, not a test: the last mails have time to come
        Map<String, String> lastState = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        List<String> bodies = mail.bodies();
        for (String body : bodies) {
            // a flapping service's one message after its quiet time: "FLAPPING (n changes in m min, ...): UP x by y"
            String[] words = body.replaceFirst("^FLAPPING \\([^)]*\\): ", "").split(" ");
            String previous = lastState.put(words[1], words[0]);
            if (words[0].equals(previous)) {
                twice.add(body);
            }
        }
        figures.add(bodies.size() + " mails; told twice in a row: " + twice);
        services.forEach((file, service) -> {
            String expected = present.get(file) ? "UP" : "DOWN";
            String told = lastState.get(service);
            figures.add(service + ": last told " + told + ", is " + expected);
        });
        assertEquals(List.of(), twice, "mails telling a state twice in a row: " + bodies);
    }

    /** How many times the server's log says it connected to its master. */
    private static long connections(ArgusServer server) {
        return server.logTail(100_000)
                .lines()
                .filter(l -> l.contains("DARP connected to master"))
                .count();
    }

    static void sleepFor(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
