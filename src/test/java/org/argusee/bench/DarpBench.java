package org.argusee.bench;

import jakarta.json.Json;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DARP benchmark of issue 5 (docs/benchmarks.md): a master and two slaves as real WildFly processes (the
 * multi-server harness), each slave's link through a counting {@link Relay}; N redundant TCP services and F failover
 * ones imported on the master, probed by all three against listeners of the benchmark's own. Measures report ->
 * combined latency on a flip of every listener down and up, bytes per report on the wire, and the failover time of
 * a hung (SIGSTOP) and a killed (SIGKILL) master. Named *Bench, not *IT: failsafe runs it only when asked
 * ({@code bench/darp-bench.sh}); settings as system properties {@code argus.bench.*}.
 */
class DarpBench {

    private static final int PORTS = 10;
    private static final int REDUNDANT_ADDRESSES = 10;
    private static final String SECRET = "darp-bench-shared-secret";
    private static final String BENCH = "Top:darpbench";
    private static final String FAILOVER = "Top:darpfailover";

    private final int services = round(Integer.getInteger("argus.bench.services", 10_000));
    private final int failoverServices = round(Integer.getInteger("argus.bench.failover-services", 1_000));
    private final int frequency = Integer.getInteger("argus.bench.frequency", 60);
    private final String tags = System.getProperty("argus.bench.tags", "*");
    private final String gravity = System.getProperty("argus.bench.gravity", "down");

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    private PrintStream out;
    private ArgusServer master;
    private BenchQueries masterDb;
    private final Relay[] relays = new Relay[2];
    private final ArgusServer[] slaves = new ArgusServer[2];

    @Test
    void darp() throws Exception {
        Path results = Path.of("target", "darp-bench.txt");
        Files.createDirectories(results.getParent());
        try (PrintStream file = new PrintStream(new FileOutputStream(results.toFile()), true, StandardCharsets.UTF_8);
                TargetProcess redundant = TargetProcess.start(0, REDUNDANT_ADDRESSES, PORTS);
                TargetProcess failover = TargetProcess.start(REDUNDANT_ADDRESSES, 1, PORTS)) {
            out = tee(file);
            out.printf(
                    "DARP benchmark %s: %d redundant services (darp_tags '%s', darp_gravity %s), %d failover, "
                            + "frequency %d s, load average %s%n",
                    Instant.now(), services, tags, gravity, failoverServices, frequency, load());
            setUp();
            new FlipRound(this, redundant).run();
            new FailoverRound(this, failover).run();
            out.printf("done %s, load average %s%n", Instant.now(), load());
        } finally {
            for (Relay relay : relays) {
                if (relay != null) {
                    relay.close();
                }
            }
        }
    }

    private void setUp() {
        master = servers.create("master");
        masterDb = new BenchQueries(master.database());
        for (int i = 0; i < 2; i++) {
            slaves[i] = servers.create("slave" + (i + 1));
            relays[i] = Relay.to(master.url().getPort());
            slaves[i]
                    .property("argus.darp.master.url", relays[i].url().toString())
                    .property("argus.darp.master.tag", "master")
                    .secret("argus.darp.master.secret", SECRET);
        }
        Instant boot = Instant.now();
        servers.startAll(master, slaves[0], slaves[1]);
        out.printf(
                "3 servers ready in %d s (boot CPU %d, %d, %d s)%n",
                secondsSince(boot),
                master.bootCpu().toSeconds(),
                slaves[0].bootCpu().toSeconds(),
                slaves[1].bootCpu().toSeconds());
        for (ArgusServer slave : slaves) {
            expect(
                    201,
                    master.api()
                            .post(
                                    "api/darp/peers",
                                    Json.createObjectBuilder()
                                            .add("tag", slave.name())
                                            .add("role", "slave")
                                            .add(
                                                    "allowedAddresses",
                                                    Json.createArrayBuilder().add("127.0.0.1"))
                                            .add("secret", SECRET)
                                            .build()
                                            .toString()),
                    "create peer " + slave.name());
        }
        Instant importStart = Instant.now();
        expect(
                200,
                master.api()
                        .send(
                                "POST",
                                "api/config/import?root=Top",
                                BenchConfig.text(services, failoverServices, frequency, tags, gravity),
                                "text/plain"),
                "import");
        out.printf(
                "imported %d + %d services on the master in %d s%n",
                services, failoverServices, secondsSince(importStart));
        for (ArgusServer slave : slaves) {
            BenchQueries db = new BenchQueries(slave.database());
            await(
                    slave.name() + " has fetched every service",
                    Duration.ofMinutes(5),
                    () -> db.services(BENCH) == services && db.services(FAILOVER) == failoverServices);
        }
        out.printf(
                "both slaves have their %d services %d s after the import%n",
                services + failoverServices, secondsSince(importStart));
        try {
            await(
                    "every slave's first report of every redundant service stored on the master",
                    Duration.ofSeconds(3L * frequency + 120),
                    () -> masterDb.reports(BENCH, "up") == 2L * services);
        } catch (AssertionError e) {
            diagnose();
            throw e;
        }
        out.printf(
                "steady: %d up reports stored on the master %d s after the import%n",
                2L * services, secondsSince(importStart));
    }

    /** What each server holds, printed when a wait fails. */
    void diagnose() {
        out.printf(
                "master darp_link: %s%n",
                masterDb.rows(
                        "select tag, last_seq, connected_at, disconnected_at," + " down_reason from argus.darp_link"));
        out.printf(
                "master darp_report by slave and status: %s%n",
                masterDb.rows("select slave_tag, status," + " count(*) from argus.darp_report group by 1, 2"));
        String statuses = "select f.full_name like '" + BENCH + ":%', s.status, count(*) from argus.object_status s"
                + " join argus.object_full_name f on f.id = s.object_id where f.kind = 'Service' group by 1, 2";
        out.printf("master statuses (redundant?, status, count): %s%n", masterDb.rows(statuses));
        for (ArgusServer slave : slaves) {
            out.printf(
                    "%s statuses (redundant?, status, count): %s%n",
                    slave.name(), new BenchQueries(slave.database()).rows(statuses));
        }
    }

    ArgusServer master() {
        return master;
    }

    BenchQueries masterDb() {
        return masterDb;
    }

    ArgusServer[] slaves() {
        return slaves;
    }

    Relay[] relays() {
        return relays;
    }

    PrintStream out() {
        return out;
    }

    int services() {
        return services;
    }

    int failoverServices() {
        return failoverServices;
    }

    int frequency() {
        return frequency;
    }

    String benchGroup() {
        return BENCH;
    }

    String load() {
        try {
            String[] words = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return words[0] + " " + words[1] + " " + words[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    Map<String, Double> masterMetrics() {
        return Figures.scrape(master.api());
    }

    /** Waits for the condition (checked every 200 ms); false if it did not hold within the time. */
    static boolean await(String what, Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            pause(200);
        }
        return true;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static long secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    private static void expect(int status, Api.Reply reply, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": " + reply);
        }
    }

    private static int round(int n) {
        return Math.max(PORTS, n / PORTS * PORTS);
    }

    /** Benchmark output goes to the console and to target/darp-bench.txt: the figures are the product. */
    private static PrintStream tee(PrintStream file) {
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        console.write(b);
                        file.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        console.write(b, off, len);
                        file.write(b, off, len);
                    }

                    @Override
                    public void flush() {
                        console.flush();
                        file.flush();
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }

    List<String[]> sampleReports() {
        return masterDb.sampleReports(200);
    }
}
