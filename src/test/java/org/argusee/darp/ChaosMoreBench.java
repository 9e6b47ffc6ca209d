package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.WITHIN;
import static org.argusee.darp.Cluster.link;
import static org.argusee.darp.Cluster.statusOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.EmbeddedDatabase;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More ways to kill servers than {@link ChaosBench} tries (bench/chaos.sh NAME; docs/reliability.md, "Killed in other
 * ways, continued"): the master SIGKILLed in the middle of a large config import, the master's and the slave's own
 * PostgreSQL SIGKILLed while the slave reports, the master restarted with a changed config while its slave holds the
 * old one, a slave SIGKILLed while it applies a fetched config. Named *Bench so that mvn verify never runs it.
 */
class ChaosMoreBench {

    private static final Logger LOG = Logger.getLogger(ChaosMoreBench.class.getName());
    private static final String SECRET = ChaosBench.SECRET;
    private static final String SLAVE = ChaosBench.SLAVE;
    private static final int TIMEOUT = ChaosBench.TIMEOUT;
    private static final Duration BACK = ChaosBench.BACK;
    /** The old and the new config of Top:Big: hosts h0..h299 with ports 1000-1009, hosts h100..h499 with 2000-2009. */
    private static final Counts OLD = new Counts(3000, 0);

    private static final Counts NEW = new Counts(0, 4000);
    /** The PostgreSQL port of the first database of a server's own (the helper's range 16440-16449). */
    private static final int DB_PORT = Integer.getInteger("chaos.db.port", 16440);

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final FlippedServices flipped = new FlippedServices();
    private final Map<String, String> services = flipped.services;
    private final Map<String, Boolean> present = flipped.present;
    private final List<String> figures = new ArrayList<>();
    private final List<EmbeddedDatabase> ownDatabases = new ArrayList<>();
    private ArgusServer master;
    private ArgusServer slave;
    private Relay relay;
    private String scenario = "none";

    /** Services with a port parameter whose value starts with 1 and with 2. */
    record Counts(long old, long fresh) {}

    @BeforeEach
    void named(TestInfo info) {
        scenario = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("none");
    }

    @AfterEach
    void close() throws IOException {
        figures.forEach(f -> LOG.info(() -> "chaos: " + f));
        StringBuilder dump = new StringBuilder();
        figures.forEach(f -> dump.append("figure ").append(f).append('\n'));
        for (ArgusServer s : servers.all()) {
            s.logTail(200_000)
                    .lines()
                    .filter(l -> l.contains(" ERROR ")
                            || l.contains(" WARN")
                            || l.contains("SEVERE")
                            || (l.contains("org.argusee") && (l.contains("DARP") || l.contains("database"))))
                    .filter(l -> !l.contains("WFLYTX0013") && !l.contains("WFLYELY") && !l.contains("ARJUNA012210"))
                    .forEach(l -> dump.append(s.name()).append(": ").append(l).append('\n'));
        }
        Files.writeString(Path.of("target", "chaos-" + scenario + ".txt"), dump);
        if (relay != null) {
            relay.close();
        }
        servers.close();
        for (EmbeddedDatabase db : ownDatabases) {
            try {
                db.close();
            } catch (RuntimeException e) {
                LOG.info(() -> "chaos: a database of a server's own was gone already: " + e);
            }
        }
    }

    /**
     * The master SIGKILLed while its import transaction of a 4,000-service config has written rows and not
     * committed, twice; then the import done, and the slave SIGKILLed while it applies that config; then the old
     * config imported again and the slave SIGKILLed 1 s later, while it fetches. The master's and
     * the slave's trees must be the old or the new config at every look, never a mix.
     */
    @Test
    void importKill() throws Exception {
        linked();
        Cluster.create(master, "Top", Cluster.group("Big", "darp_mode", "distributed", "frequency", "3600"));
        Api.Reply first = importBig(config(0, 300, 1000));
        assertEquals(200, first.status(), first.toString());
        Eventually.await("the old config on the slave", BACK, () -> OLD.equals(counts(slave)));
        Set<Counts> seenOnSlave = ConcurrentHashMap.newKeySet();
        AtomicBoolean watching = new AtomicBoolean(true);
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (watching.get()) {
                seenOnSlave.add(counts(slave));
                sleepFor(Duration.ofMillis(100));
            }
        });
        for (int round = 1; round <= 2; round++) {
            Instant sent = Instant.now();
            // the other config than the one in: a round whose import committed before the kill is undone next
            String other = OLD.equals(counts(master)) ? config(100, 500, 2000) : config(0, 300, 1000);
            CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return importBig(other).toString();
                } catch (RuntimeException e) {
                    return "failed: " + e.getMessage();
                }
            });
            Duration writing = Eventually.await(
                    "the import transaction writes objects", BACK, () -> call.isDone() || importWriting(master));
            sleepFor(Duration.ofMillis(300L * (round - 1))); // round 2: deeper into the write
            master.kill();
            String answer = call.get();
            Counts after = counts(master);
            figures.add("round " + round + ": import sent, its transaction wrote after " + writing.toMillis()
                    + " ms, SIGKILL then; the call: " + answer + "; the master's tree after: " + after);
            assertTrue(OLD.equals(after) || NEW.equals(after), "old or new, not half: " + after);
            Duration boot = master.start().bootTime();
            Eventually.await("slave1 connected", BACK, () -> "connected".equals(link(slave, MASTER)));
            figures.add("round " + round + ": master back after " + boot.toSeconds() + " s; its tree " + counts(master)
                    + ", the slave's " + counts(slave) + "; elapsed "
                    + Duration.between(sent, Instant.now()).toSeconds()
                    + " s");
        }
        if (OLD.equals(counts(master))) {
            Api.Reply done = importBig(config(100, 500, 2000));
            assertEquals(200, done.status(), done.toString());
        } else {
            Api.Reply done = importBig(config(0, 300, 1000));
            assertEquals(200, done.status(), done.toString());
            Eventually.await("the old config back on the slave", BACK, () -> OLD.equals(counts(slave)));
            assertEquals(200, importBig(config(100, 500, 2000)).status());
        }
        assertEquals(NEW, counts(master));
        Duration applying = Eventually.await("the slave applies the new config", BACK, () -> importWriting(slave));
        slave.kill();
        Counts killedWith = counts(slave);
        slave.start();
        Duration fetched = Eventually.await("the new config on the slave", BACK, () -> NEW.equals(counts(slave)));
        // the old config back, and the slave SIGKILLed 1 s after the master committed it: its fetch asked or under way
        assertEquals(200, importBig(config(0, 300, 1000)).status());
        Instant committed = Instant.now();
        sleepFor(Duration.ofSeconds(1));
        slave.kill();
        Duration killedAfter = Duration.between(committed, Instant.now());
        Counts midFetch = counts(slave);
        slave.start();
        Duration back = Eventually.await("the old config on the slave again", BACK, () -> OLD.equals(counts(slave)));
        figures.add("the slave SIGKILLed "
                + Duration.between(committed, Instant.now()).toMillis()
                + " ms after the next import's commit (its fetch asked for or under way): its tree " + midFetch
                + "; restarted, that config " + back.toMillis() + " ms after its boot");
        watching.set(false);
        watcher.get();
        figures.add("the slave SIGKILLed " + applying.toMillis() + " ms after the import, while applying it: its tree "
                + killedWith + "; restarted, the new config " + fetched.toMillis() + " ms after its boot");
        figures.add("the slave's tree as seen every 100 ms throughout: " + seenOnSlave);
        assertTrue(
                Set.of(OLD, NEW).containsAll(seenOnSlave), "the slave only ever held a whole config: " + seenOnSlave);
    }

    /**
     * Not a kill: how long a changed config of {@code argus.bench.services} services (default 4,000) takes from the
     * master's commit to the slave's database, twice (docs/benchmarks.md, "DARP: a slave's config after a change");
     * each step's time is in the servers' log lines kept in target/chaos-configLag.txt.
     */
    @Test
    void configLag() throws Exception {
        linked();
        Cluster.create(master, "Top", Cluster.group("Big", "darp_mode", "distributed", "frequency", "3600"));
        for (String size : System.getProperty("argus.bench.services", "4000").split(",")) {
            configLag(Integer.parseInt(size.strip()));
        }
        for (ArgusServer s : List.of(master, slave)) {
            s.logTail(400_000)
                    .lines()
                    .filter(l -> l.contains("Import of") || l.contains("DARP config") || l.contains("Tree at revision"))
                    .forEach(l -> figures.add(s.name() + ": " + l));
        }
    }

    private void configLag(int n) {
        Counts ones = new Counts(n, 0);
        Counts twos = new Counts(0, n);
        Instant start = Instant.now();
        assertEquals(200, importBig(config(0, n / 10, 1000)).status());
        Duration first = Eventually.await("the first config on the slave", BACK, () -> ones.equals(counts(slave)));
        figures.add("first config (" + n + " services): imported in "
                + Duration.between(start, Instant.now()).minus(first).toMillis() + " ms, on the slave after "
                + first.toMillis() + " ms");
        for (int round = 1; round <= 2; round++) {
            Counts want = round == 1 ? twos : ones;
            String next = config(0, n / 10, round == 1 ? 2000 : 1000);
            Instant sent = Instant.now();
            Api.Reply reply = importBig(next);
            assertEquals(200, reply.status(), reply.toString());
            Instant committed = Instant.now();
            Duration lag = Eventually.await("the changed config on the slave", BACK, () -> want.equals(counts(slave)));
            figures.add(n + " services, round " + round + ": the master's import "
                    + Duration.between(sent, committed).toMillis()
                    + " ms; committed -> the slave's database holds it: " + lag.toMillis() + " ms");
        }
    }

    /**
     * The master's own PostgreSQL SIGKILLed while the slave's changes are being reported, 15 s, restarted; then the
     * slave's own PostgreSQL the same way. Nothing acknowledged is lost, what was not acknowledged is sent again,
     * both servers keep running and recover on their own.
     */
    @Test
    void databasesKilled() {
        master = servers.create("chaos-master");
        slave = servers.create("chaos-slave");
        Path masterData = Path.of("target", "chaos-db", "master");
        Path slaveData = Path.of("target", "chaos-db", "slave");
        own(master, masterData, DB_PORT);
        own(slave, slaveData, DB_PORT + 1);
        settings();
        ChaosBench.startLinked(servers, master, slave);
        build("darp_mode", "distributed");
        settled();
        for (int round = 1; round <= 2; round++) {
            // the master's database
            flipAll();
            sleepFor(Duration.ofMillis(200 * round)); // the flips' reports on their way
            kill(0);
            Instant down = Instant.now();
            flipAll();
            sleepFor(Duration.ofSeconds(2));
            long acked = Cluster.slaveLastAcked(slave);
            String marker = master.api()
                    .get("api/status/" + Api.encode(services.get("chaos-0")))
                    .header("Argus-Database");
            String shown = shownWithin(master, Duration.ofSeconds(10));
            String links = link(slave, MASTER) + "/" + link(master, SLAVE);
            sleepFor(Duration.ofSeconds(15).minus(Duration.between(down, Instant.now())));
            restart(0, masterData, DB_PORT);
            long stored = lastSeq();
            figures.add("round " + round + ", master's db: acked " + acked + " before, stored " + stored
                    + " after the return; Argus-Database " + marker + "; flips shown on the master: " + shown
                    + "; links (slave/master) " + links);
            assertTrue(stored >= acked, "an acked report is stored: acked " + acked + ", stored " + stored);
            Duration back = settled();
            figures.add("round " + round + ", master's db: consistent " + back.toMillis() + " ms after the return");
            // the slave's database
            flipAll();
            sleepFor(Duration.ofMillis(200 * round));
            kill(1);
            down = Instant.now();
            flipAll();
            String told = shownWithin(master, Duration.ofSeconds(12));
            String slaveMarker = slave.api()
                    .get("api/status/" + Api.encode(services.get("chaos-0")))
                    .header("Argus-Database");
            links = link(slave, MASTER) + "/" + link(master, SLAVE);
            // a config change the slave cannot apply while its database is away
            String file = "chaos-d" + round;
            files(file, true);
            present.put(file, true);
            services.put(file, Cluster.create(master, "Top:Chaos", Cluster.reachService("d" + round, file)));
            sleepFor(Duration.ofSeconds(15).minus(Duration.between(down, Instant.now())));
            restart(1, slaveData, DB_PORT + 1);
            back = settled();
            figures.add("round " + round + ", slave's db: the flips made meanwhile on the master: " + told
                    + "; slave's Argus-Database " + slaveMarker + "; links " + links
                    + "; consistent " + back.toMillis() + " ms after the return, " + file + "'s service added meanwhile"
                    + " included");
            for (String service : services.values()) {
                assertEquals(
                        List.of(),
                        Cluster.inconsistencies(service, Cluster.transitions(slave, service)),
                        "slave's log of " + service);
            }
        }
    }

    /**
     * The master SIGKILLed while its slave is cut off; it comes back with c0 removed, c1 changed (another file) and
     * c4 added, and the slave has reports of c0 waiting. Once the link is back the slave holds the new config,
     * stops probing c0, and the master takes c0's reports without harm.
     */
    @Test
    void changedConfig() {
        linked();
        build("darp_mode", "distributed");
        settled();
        relay.cut();
        Eventually.await("the slave counts its master down", WITHIN, () -> !"connected".equals(link(slave, MASTER)));
        master.kill();
        flipAll(); // reports of every service, c0's too, wait on the slave
        master.start();
        String removed = services.remove("chaos-0");
        present.remove("chaos-0");
        assertEquals(204, master.api().delete(Api.object(removed)).status());
        String changed = services.get("chaos-1");
        Cluster.parameter(master, changed, "command", "test -e \\\"$ARGUS_DATA/chaos-1b\\\"");
        present.put("chaos-1b", false);
        services.put("chaos-1b", services.remove("chaos-1"));
        present.remove("chaos-1");
        files("chaos-4", true);
        present.put("chaos-4", true);
        String group = removed.substring(0, removed.lastIndexOf(':'));
        services.put("chaos-4", Cluster.create(master, group, Cluster.reachService("c4", "chaos-4")));
        slave.dataFile("chaos-0", !slave.dataDir().resolve("chaos-0").toFile().exists()); // one more c0 report
        sleepFor(Duration.ofSeconds(2));
        relay.open();
        Duration back = settled();
        Duration gone = Eventually.await("c0 gone from the slave", WITHIN, () -> !Cluster.exists(slave, removed));
        String checked = Cluster.checkedAt(master, removed);
        figures.add("after the link came back: consistent in " + back.toMillis() + " ms, c0 gone from the slave "
                + gone.toMillis() + " ms later; master's c0: " + checked);
        files("chaos-1b", true);
        present.put("chaos-1b", true);
        flipAll();
        settled();
        figures.add("flips after the change: consistent; c1 follows chaos-1b, c4 is probed");
    }

    /** Whether a transaction of the server's database holds a row lock for writing on argus.object and the revision. */
    private static boolean importWriting(ArgusServer server) {
        String sql = """
                select exists (select 1 from pg_locks a join pg_locks b on a.pid = b.pid
                where a.database = (select oid from pg_database where datname = current_database())
                and a.relation = 'argus.object'::regclass and a.mode = 'RowExclusiveLock'
                and b.relation = 'argus.config_revision'::regclass and a.pid <> pg_backend_pid())""";
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The services of the server's tree with a port 1xxx and 2xxx, as committed. */
    private static Counts counts(ArgusServer server) {
        String sql = "select count(*) filter (where p.value like '1%'), count(*) filter (where p.value like '2%')"
                + " from argus.param p join argus.object o on o.id = p.object_id"
                + " where p.key = 'port' and o.kind = 'Service'";
        try (Connection c = server.database().connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Reply importBig(String config) {
        return master.api().send("POST", "api/config/import?mode=replace&root=Top:Big", config, "text/plain", BACK);
    }

    /** Hosts h{from}..h{to - 1}, ten TCP services each on ports base..base+9 of 127.0.0.1 (refused: nothing there). */
    private static String config(int from, int to, int base) {
        StringBuilder b = new StringBuilder("darp_mode: distributed\nfrequency: 3600\nretries: 0\n");
        for (int h = from; h < to; h++) {
            b.append("Host \"h").append(h).append("\" {\n\thostname: 127.0.0.1\n");
            for (int s = 0; s < 10; s++) {
                b.append("\tService TCP {\n\t\tport: ")
                        .append(base + s)
                        .append("\n\t\tuname: s")
                        .append(s);
                b.append("\n\t}\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    /** A PostgreSQL of the server's own, with commits on disk before they are acknowledged (the quick start's). */
    private void own(ArgusServer server, Path data, int port) {
        // a fresh folder first (the clean start wipes a leftover), then started again as kept, fsync and
        // synchronous_commit on: what a killed PostgreSQL acknowledged must be there after its restart
        EmbeddedDatabase.start(data, port, true).close();
        ownDatabases.add(EmbeddedDatabase.start(data, port, false));
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE;
        server.secret("DB_URL", url)
                .secret("DB_USER", EmbeddedDatabase.USER)
                .secret("DB_PASSWORD", EmbeddedDatabase.PASSWORD);
    }

    private void kill(int which) {
        ownDatabases.get(which).kill();
    }

    private void restart(int which, Path data, int port) {
        ownDatabases.set(which, EmbeddedDatabase.start(data, port, false));
    }

    /** The master's stored last_seq of slave1, read from its own database. */
    private long lastSeq() {
        try (Connection c = DriverManager.getConnection(
                        ownDatabases.get(0).jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                PreparedStatement s = c.prepareStatement("select last_seq from argus.darp_link where tag = ?")) {
            s.setString(1, SLAVE);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void linked() {
        master = servers.create("chaos-master");
        slave = servers.create("chaos-slave");
        settings();
        ChaosBench.startLinked(servers, master, slave);
    }

    private void settings() {
        relay = ChaosBench.paired(master, slave);
        flipped.on(master, slave);
    }

    /** Group Chaos under Top with these parameters and four Prog services c0..c3 testing the files chaos-0..3. */
    private void build(String... parameters) {
        List<String> all = new ArrayList<>(List.of("frequency", "1", "retries", "0", "timeout", "5"));
        all.addAll(List.of(parameters));
        flipped.build(master, all, 4);
    }

    private void files(String file, boolean there) {
        flipped.files(file, there);
    }

    private void flipAll() {
        flipped.flipAll();
    }

    /** How long the server took to show every service as its file says, or that it did not within the time. */
    private String shownWithin(ArgusServer server, Duration within) {
        try {
            return "after " + awaitStatuses(server, within).toMillis() + " ms";
        } catch (AssertionError e) {
            return "not within " + within.toSeconds() + " s";
        }
    }

    /** How long until the server shows every service as its file says. */
    private Duration awaitStatuses(ArgusServer server, Duration within) {
        return Eventually.await(server.name() + " shows every flip", within, () -> services.entrySet().stream()
                .allMatch(e -> statusOf(server, e.getValue()).equals(present.get(e.getKey()) ? "up" : "down")));
    }

    /** The link up on both ends, the statuses on master and slave as the files say, last_seq agreed, logs sound. */
    private Duration settled() {
        Instant start = Instant.now();
        Eventually.await(
                "slave1 connected on both ends",
                BACK,
                () -> "connected".equals(link(slave, MASTER)) && "connected".equals(link(master, SLAVE)));
        awaitStatuses(master, WITHIN.multipliedBy(2));
        awaitStatuses(slave, WITHIN);
        Eventually.await(
                "the master's stored last_seq is the slave's last acked",
                WITHIN,
                () -> (ownDatabases.isEmpty() ? Cluster.storedLastSeq(master, SLAVE) : lastSeq())
                        == Cluster.slaveLastAcked(slave));
        for (String service : services.values()) {
            assertEquals(
                    List.of(),
                    Cluster.inconsistencies(service, Cluster.transitions(master, service)),
                    "master's log of " + service);
        }
        return Duration.between(start, Instant.now());
    }

    private static void sleepFor(Duration d) {
        if (d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
