package org.argusee.darp;

import static org.argusee.darp.Cluster.MASTER;
import static org.argusee.darp.Cluster.link;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wall clock of one server stepped while it probes and talks to its peer (bench/chaos.sh clockStep;
 * docs/reliability.md, "clockstep"): an NTP step, a VM resumed, an admin's {@code date -s}. Each server runs under
 * libfaketime (Debian's faketime package), which moves only that process's CLOCK_REALTIME, read from a file of its own,
 * and leaves its monotonic clock (System.nanoTime) alone. The master probes 300 TCP services on a listener of this
 * test, the slave 100 on another (distributed), every 60 s (the default: an import in replace mode leaves the group's
 * own frequency out): the listeners count the probes a second by this JVM's
 * own clock, so a burst or a stall shows there whatever the stepped server believes. Named *Bench: mvn verify never
 * runs it.
 */
class ClockStepBench {

    private static final Logger LOG = Logger.getLogger(ClockStepBench.class.getName());
    static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1");
    private static final Duration PHASE = Duration.ofSeconds(30);
    private static final int FREQUENCY = 10;

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private final List<String> figures = new ArrayList<>();
    private ArgusServer master;
    private ArgusServer slave;
    private Relay relay;

    @Test
    void clockStep() throws Exception {
        try (Listener masters = new Listener();
                Listener slaves = new Listener()) {
            master = faked(servers.create("step-master"));
            slave = faked(servers.create("step-slave"));
            relay = ChaosBench.paired(master, slave);
            ChaosBench.startLinked(servers, master, slave);
            for (String group : List.of("M", "S")) {
                Cluster.create(master, "Top", Cluster.group(group, "frequency", "" + FREQUENCY, "retries", "0"));
            }
            importInto(master, "Top:M", config("m", 30, masters.port(), ""));
            importInto(master, "Top:S", config("s", 10, slaves.port(), "darp_mode: distributed\n"));
            Eventually.await(
                    "probes reach both listeners",
                    ChaosBench.BACK,
                    () -> masters.total() > 600 && slaves.total() > 200);
            watch(master, "+0", masters, slaves); // the baseline
            for (ArgusServer stepped : List.of(master, slave)) {
                watch(stepped, "+2h", masters, slaves);
                watch(stepped, "+110m", masters, slaves); // back 10 min
                watch(stepped, "-10m", masters, slaves); // back 2 h
                watch(stepped, "+0", masters, slaves); // forward 10 min, to the true time
            }
        }
    }

    /**
     * The active/standby master pair (issue 16) on one database, each member under libfaketime: the active member's
     * clock stepped, then the standby's. Each second: both roles (readiness), the lease's epoch, the probes a second.
     * Exactly one active all along and no needless takeover is what should be seen.
     */
    @Test
    void pairStep() throws Exception {
        try (Listener probes = new Listener()) {
            ArgusServer[] pair = MasterPair.create(servers, "step-a", "step-b");
            for (ArgusServer s : pair) {
                faked(s);
            }
            pair[0].start(); // alone first: both booting on the empty database race to create the admin user
            pair[1].start();
            Eventually.await(
                    "one member active, the other standby",
                    ChaosBench.BACK,
                    () -> MasterPair.isActive(pair[0]) && MasterPair.isStandby(pair[1])
                            || MasterPair.isActive(pair[1]) && MasterPair.isStandby(pair[0]));
            ArgusServer active = MasterPair.isActive(pair[0]) ? pair[0] : pair[1];
            ArgusServer standby = active == pair[0] ? pair[1] : pair[0];
            Cluster.create(active, "Top", Cluster.group("M"));
            importInto(active, "Top:M", config("m", 30, probes.port(), "frequency: 10\n"));
            Eventually.await("probes reach the listener", ChaosBench.BACK, () -> probes.total() > 600);
            watchPair(active, "+0", pair, probes);
            for (ArgusServer stepped : List.of(active, standby)) {
                for (String offset : List.of("+2h", "+110m", "-10m", "+0")) {
                    watchPair(stepped, offset, pair, probes);
                }
            }
        }
    }

    private void watchPair(ArgusServer stepped, String offset, ArgusServer[] pair, Listener probes) throws IOException {
        long[] marks = {pair[0].logMark(), pair[1].logMark()};
        Files.writeString(offsetFile(stepped), offset + "\n");
        long from = System.currentTimeMillis() / 1000;
        int both = 0;
        int none = 0;
        int samples = 0;
        List<String> seen = new ArrayList<>();
        long end = System.nanoTime() + PHASE.toNanos();
        while (System.nanoTime() < end) {
            samples++;
            var a = MasterPair.role(pair[0]);
            var b = MasterPair.role(pair[1]);
            boolean aActive = a.map(MasterPair.Role::active).orElse(false);
            boolean bActive = b.map(MasterPair.Role::active).orElse(false);
            both += aActive && bActive ? 1 : 0;
            none += !aActive && !bActive ? 1 : 0;
            String now = (aActive ? pair[0].name() : bActive ? pair[1].name() : "none") + "@"
                    + a.map(MasterPair.Role::epoch).orElse(-1L) + "/"
                    + b.map(MasterPair.Role::epoch).orElse(-1L);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                seen.add(now);
            }
            ChaosBench.sleepFor(Duration.ofSeconds(1));
        }
        long to = System.currentTimeMillis() / 1000;
        String line = "pair: " + stepped.name() + " at " + offset + ": probes/s " + probes.rates(from, to)
                + "; both active in " + both + ", none in " + none + " of " + samples + " samples; active@epochs "
                + seen + "; log: " + notable(pair[0].logSince(marks[0])) + " | " + notable(pair[1].logSince(marks[1]));
        LOG.info(() -> "chaos: " + line);
        figures.add(line);
    }

    /** Sets the server's clock offset and watches the probes a second and both ends of the link for a phase. */
    private void watch(ArgusServer stepped, String offset, Listener masters, Listener slaves) throws IOException {
        long masterMark = master.logMark();
        long slaveMark = slave.logMark();
        Files.writeString(offsetFile(stepped), offset + "\n");
        long from = System.currentTimeMillis() / 1000;
        int linkDown = 0;
        int samples = 0;
        long end = System.nanoTime() + PHASE.toNanos();
        while (System.nanoTime() < end) {
            samples++;
            if (!"connected".equals(link(slave, MASTER)) || !"connected".equals(link(master, ChaosBench.SLAVE))) {
                linkDown++;
            }
            ChaosBench.sleepFor(Duration.ofSeconds(1));
        }
        long to = System.currentTimeMillis() / 1000;
        String checked = Cluster.checkedAt(master, "Top:M:m0:s0");
        String line = stepped.name() + " at " + offset + ": master's probes/s " + masters.rates(from, to)
                + ", slave's probes/s " + slaves.rates(from, to) + ", link not connected in " + linkDown + " of "
                + samples + " samples; master's m0:s0 checkedAt " + checked + "; log: "
                + notable(master.logSince(masterMark)) + " | " + notable(slave.logSince(slaveMark));
        LOG.info(() -> "chaos: " + line);
        figures.add(line);
    }

    /** The WARN/ERROR lines of the application and its DARP lines, shortened. */
    private static String notable(String log) {
        List<String> lines = log.lines()
                .filter(l -> l.contains(" ERROR ") || l.contains(" WARN") || l.contains("DARP"))
                .map(l -> l.length() > 220 ? l.substring(0, 220) : l)
                .toList();
        return lines.size() + " line(s) " + lines;
    }

    private static ArgusServer faked(ArgusServer server) throws IOException {
        if (!Files.isRegularFile(FAKETIME)) {
            throw new IllegalStateException(FAKETIME + " is missing: apt-get install faketime");
        }
        Files.writeString(offsetFile(server), "+0\n");
        // the monotonic clock left alone, as an NTP step does (and the JVM hangs otherwise: libfaketime's README);
        // the file read again at most a second after a change
        // a boot at load 30 took longer than WildFly's 300 s for the container to settle
        server.property("jboss.as.management.blocking.timeout", "900");
        return server.secret("LD_PRELOAD", FAKETIME.toString())
                .secret("FAKETIME_TIMESTAMP_FILE", offsetFile(server).toString())
                .secret("FAKETIME_DONT_FAKE_MONOTONIC", "1")
                .secret("FAKETIME_CACHE_DURATION", "1")
                // on by default with this glibc, it made every timed wait return at once (Object.wait(1) in 0.2 ms
                // instead of 1.2, the boot spinning at load 40 and not done in 10 minutes); off, a wait waits
                .secret("FAKETIME_FORCE_MONOTONIC_FIX", "0");
    }

    private static Path offsetFile(ArgusServer server) {
        return server.baseDir().toAbsolutePath().resolveSibling(server.name() + ".faketime");
    }

    private static void importInto(ArgusServer server, String root, String config) {
        var reply = server.api()
                .send("POST", "api/config/import?mode=replace&root=" + root, config, "text/plain", ChaosBench.BACK);
        assertEquals(200, reply.status(), reply.toString());
    }

    /** Hosts {@code prefix}0.. of ten TCP services each on the port, with these lines at the top. */
    private static String config(String prefix, int hosts, int port, String top) {
        StringBuilder b = new StringBuilder(top);
        for (int h = 0; h < hosts; h++) {
            b.append("Host \"").append(prefix).append(h).append("\" {\n\thostname: 127.0.0.1\n");
            for (int s = 0; s < 10; s++) {
                b.append("\tService TCP {\n\t\tport: ")
                        .append(port)
                        .append("\n\t\tuname: s")
                        .append(s);
                b.append("\n\t}\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    @AfterEach
    void close() throws IOException {
        StringBuilder dump = new StringBuilder();
        figures.forEach(f -> dump.append("figure ").append(f).append('\n'));
        Files.writeString(Path.of("target", "chaos-" + (master == null ? "pairStep" : "clockStep") + ".txt"), dump);
        if (relay != null) {
            relay.close();
        }
        servers.close();
    }

    /** A TCP listener on 127.0.0.1 that accepts and closes, counting accepts per second of this JVM's clock. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket socket;
        private final ConcurrentHashMap<Long, AtomicLong> perSecond = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();

        Listener() throws IOException {
            socket = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "clockstep-listener-" + socket.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        long total() {
            return total.get();
        }

        /** Min, max and mean accepts a second over [from, to), and the seconds with none. */
        String rates(long from, long to) {
            long min = Long.MAX_VALUE;
            long max = 0;
            long sum = 0;
            int zero = 0;
            for (long s = from; s < to; s++) {
                long n = perSecond.getOrDefault(s, new AtomicLong()).get();
                min = Math.min(min, n);
                max = Math.max(max, n);
                sum += n;
                zero += n == 0 ? 1 : 0;
            }
            long seconds = Math.max(1, to - from);
            return "min " + min + " max " + max + " mean " + (sum / seconds) + " (" + zero + " s with none)";
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    total.incrementAndGet();
                    perSecond
                            .computeIfAbsent(System.currentTimeMillis() / 1000, k -> new AtomicLong())
                            .incrementAndGet();
                } catch (IOException e) {
                    if (!socket.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
