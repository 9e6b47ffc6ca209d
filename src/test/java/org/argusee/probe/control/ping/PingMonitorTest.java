package org.argusee.probe.control.ping;

import static org.argusee.probe.control.Probes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Probes;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.Numbers;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.SilentNetwork;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pings with the real fping and ping, run in a network namespace of their own ({@link SilentNetwork}):
 * 127.0.0.0/8 answers, 198.51.100.0/24 (TEST-NET-2) there never does, and nothing leaves this machine.
 */
class PingMonitorTest {

    static final String SILENT = SilentNetwork.SILENT_HOST;

    private static PingTools tools;

    @TempDir
    Path dir;

    private PingMonitor monitor;

    @BeforeAll
    static void network() {
        tools = SilentNetwork.tools();
    }

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Test
    void localhostIsUpWithItsRoundTripTimeInMs() {
        monitor = new PingMonitor(tools, PingSettings.DEFAULT);
        Reply r = await(monitor.probe(ping("127.0.0.1", "timeout", "5")));
        assertTrue(r.ok(), r.reason());
        double ms = Numbers.parse(r.value()).orElseThrow();
        assertTrue(ms >= 0 && ms < 5000, r.value());
    }

    @Test
    void anAddressThatDoesNotAnswerIsDownWithinItsTimeout() {
        monitor = new PingMonitor(tools, PingSettings.DEFAULT);
        Reply r = await(monitor.probe(ping(SILENT, "timeout", "2")), Duration.ofSeconds(10));
        assertFalse(r.ok());
        // the silent host sends no ICMP error either; "timeout" is the probe's own deadline, reached first when a
        // loaded machine takes more than PingSettings.MARGIN_MILLIS to start fping in its namespace (seen at load 25)
        assertTrue(
                List.of(PingOutput.NO_RESPONSE, "timeout").contains(r.reason()),
                "no answer and no ICMP error: " + r.reason());
        // ended by its own 2 s timeout; the margin is for a loaded machine, not a measure of speed
        assertTrue(r.elapsed().compareTo(Duration.ofSeconds(8)) < 0, r.elapsed().toString());
    }

    @Test
    void probesStartedTogetherShareOneFpingRun() throws IOException {
        Path log = dir.resolve("runs.log");
        monitor = new PingMonitor(new PingTools(logging(log), null), settings(500));
        List<CompletionStage<Reply>> up = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            up.add(monitor.probe(ping("127.0.0." + i, "timeout", "5")));
        }
        List<CompletionStage<Reply>> down = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            down.add(monitor.probe(ping("198.51.100." + i, "timeout", "5")));
        }
        up.forEach(s -> assertTrue(await(s).ok(), "127.0.0.x answers"));
        down.forEach(s -> assertFalse(await(s).ok(), "the silent host does not"));
        List<String> runs = Files.readAllLines(log);
        assertEquals(1, runs.size(), "one fping for the whole batch: " + runs);
        assertTrue(
                runs.get(0).contains(" -4 ")
                        && runs.get(0).contains(" 127.0.0.60 ")
                        && runs.get(0).endsWith(" 198.51.100.5"),
                runs.get(0));
    }

    @Test
    void aFullBatchGoesAtOnceAndTheRestFormsTheNext() throws IOException {
        Path log = dir.resolve("runs.log");
        monitor = new PingMonitor(new PingTools(logging(log), null), settings(10));
        List<CompletionStage<Reply>> all = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            all.add(monitor.probe(ping("127.0.0." + i, "timeout", "5")));
        }
        all.forEach(s -> assertTrue(await(s).ok()));
        List<Integer> sizes = Files.readAllLines(log).stream()
                .map(l -> l.split(" 127\\.").length - 1)
                .toList();
        assertEquals(List.of(10, 10, 5), sizes.stream().sorted((a, b) -> b - a).toList(), sizes.toString());
    }

    @Test
    void eachFamilyHasItsOwnRun() throws IOException {
        Path log = dir.resolve("runs.log");
        monitor = new PingMonitor(new PingTools(logging(log), null), settings(500));
        CompletionStage<Reply> v4 = monitor.probe(ping("127.0.0.1", "timeout", "3"));
        CompletionStage<Reply> v6 = monitor.probe(ping("::1", "timeout", "3", "ipversion", "6"));
        assertTrue(await(v4).ok());
        await(v6); // whether ::1 answers depends on the machine having IPv6; the run is what is tested
        List<String> runs = Files.readAllLines(log);
        assertEquals(2, runs.size(), runs.toString());
        assertTrue(runs.stream().anyMatch(l -> l.contains(" -6 ") && l.endsWith(" 0:0:0:0:0:0:0:1")), runs.toString());
        assertTrue(runs.stream().anyMatch(l -> l.contains(" -4 ") && l.endsWith(" 127.0.0.1")), runs.toString());
    }

    @Test
    void anFpingThatOutlivesTheTimeoutIsKilledAndTheProbesEndOnTime() throws Exception {
        Path pid = dir.resolve("fping.pid");
        // the real fping, told to wait 30 s for the silent host: it would outlive the 1 s timeout
        Path slow = script(
                "slow-fping",
                "echo $$ > " + pid + "\nexec " + tools.fping() + " $(echo \"$@\" | sed 's/-t [0-9]*/-t 30000/')\n");
        monitor = new PingMonitor(new PingTools(slow, null), settings(500));
        CompletionStage<Reply> up = monitor.probe(ping("127.0.0.1", "timeout", "1"));
        CompletionStage<Reply> silent = monitor.probe(ping(SILENT, "timeout", "1"));
        // bounds far below the 30 s fping would run, so a loaded machine's late timer cannot fail the test
        Reply u = await(up, Duration.ofSeconds(10));
        Reply s = await(silent, Duration.ofSeconds(10));
        assertTrue(u.ok(), "the answer that came before the kill counts: " + u.reason());
        assertFalse(s.ok());
        assertTrue(
                s.elapsed().compareTo(Duration.ofSeconds(10)) < 0, s.elapsed().toString());
        ProcessHandle fping =
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElse(null);
        if (fping != null) {
            fping.onExit().get(5, TimeUnit.SECONDS);
        }
        // the monitor releases the run when it sees the process end, which may come after the test sees it
        Eventually.await("the killed run released", Duration.ofSeconds(5), () -> monitor.inFlight() == 0);
    }

    @Test
    void withoutFpingTheSystemPingRunsPerHost() {
        monitor = new PingMonitor(new PingTools(null, tools.ping()), PingSettings.DEFAULT);
        Reply up = await(monitor.probe(ping("127.0.0.1", "timeout", "3")));
        assertTrue(up.ok(), up.reason());
        assertTrue(Numbers.parse(up.value()).isPresent(), up.value());
        Reply down = await(monitor.probe(ping(SILENT, "timeout", "2")), Duration.ofSeconds(4));
        assertFalse(down.ok());
    }

    @Test
    void withNeitherToolTheReasonSaysSo() {
        monitor = new PingMonitor(new PingTools(null, null), PingSettings.DEFAULT);
        Reply r = await(monitor.probe(ping("127.0.0.1")));
        assertEquals("fping not installed", r.reason());
    }

    @Test
    void anUnknownHostNameIsDownWithTheResolversReason() {
        monitor = new PingMonitor(tools, PingSettings.DEFAULT);
        Reply r = await(monitor.probe(ping("no-such-host.invalid", "timeout", "5")));
        assertEquals("cannot resolve hostname", r.reason());
    }

    @Test
    void closingEndsProbesInFlightAndKillsFping() throws Exception {
        Path pid = dir.resolve("fping.pid");
        Path slow = script(
                "slow-fping",
                "echo $$ > " + pid + "\nexec " + tools.fping() + " $(echo \"$@\" | sed 's/-t [0-9]*/-t 30000/')\n");
        monitor = new PingMonitor(
                new PingTools(slow, null), new PingSettings(Duration.ofMillis(10), 500, Duration.ofSeconds(10), 2));
        CompletionStage<Reply> silent = monitor.probe(ping(SILENT, "timeout", "30"));
        Eventually.await(
                "fping started",
                Duration.ofSeconds(5),
                () -> Files.exists(pid) && !readQuietly(pid).isBlank());
        monitor.close();
        assertEquals("shut down", await(silent, Duration.ofSeconds(2)).reason());
        ProcessHandle fping =
                ProcessHandle.of(Long.parseLong(readQuietly(pid).strip())).orElse(null);
        if (fping != null) {
            fping.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherTypesAreNotPings() {
        monitor = new PingMonitor(tools, PingSettings.DEFAULT);
        assertFalse(monitor.handles(Probes.spec("TCP/SMTP")));
        assertTrue(monitor.handles(ping("127.0.0.1")));
    }

    private static ProbeSpec ping(String host, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hostname", host);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return ProbeSpec.of(ServiceType.parse("Ping"), params);
    }

    /** A long window so that probes started by a loaded test machine still fall into one batch. */
    private static PingSettings settings(int maxBatch) {
        return new PingSettings(Duration.ofSeconds(1), maxBatch, Duration.ofSeconds(10), 4);
    }

    /** The real fping, each run's arguments logged on one line. */
    private Path logging(Path log) throws IOException {
        return script("logging-fping", "echo \"$0 $*\" >> " + log + "\nexec " + tools.fping() + " \"$@\"\n");
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
