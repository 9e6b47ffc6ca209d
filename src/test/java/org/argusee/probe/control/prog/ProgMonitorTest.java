package org.argusee.probe.control.prog;

import static org.argusee.probe.control.Probes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.argusee.platform.control.ProgramUser;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.status.control.evaluation.Verdict;
import org.argusee.testsupport.Eventually;
import org.argusee.testsupport.ProgAccount;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real commands through /bin/sh. */
class ProgMonitorTest {

    @TempDir
    Path dir;

    private ProgMonitor monitor;

    @BeforeEach
    void open() {
        monitor = new ProgMonitor(ProgEnvironment.argus(dir.toString()), 2);
    }

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void exitZeroIsUpAndTheOutputIsTheValue() {
        Reply r = await(monitor.probe(prog("echo 1234")));
        assertTrue(r.ok(), r.reason());
        assertEquals("1234", r.value(), "without its line end");
    }

    @Test
    void exitZeroWithNoOutputIsUpWithNoValue() {
        Reply r = await(monitor.probe(prog("true")));
        assertTrue(r.ok());
        assertNull(r.value(), "no value rather than empty data: the exit code was the test");
    }

    @Test
    void anotherExitCodeIsDown() {
        Reply r = await(monitor.probe(prog("echo partial; exit 3")));
        assertFalse(r.ok());
        assertEquals("exit status 3", r.reason());
        assertEquals(
                "exit status 127 (command not found)",
                await(monitor.probe(prog("no-such-command-anywhere"))).reason());
    }

    @Test
    void withExpectTheOutputDecidesNotTheExitCode() {
        Reply r = await(monitor.probe(prog("echo all fine; exit 2", "expect", "fine")));
        assertTrue(r.ok(), "left to the result checks: " + r.reason());
        assertEquals("all fine", r.value());
        Reply variant = await(monitor.probe(prog("exit 1", "nexpect.major", "error")));
        assertTrue(variant.ok());
        assertEquals("", variant.value(), "empty output is the value the tests see");
        assertFalse(judged("echo bad; exit 0", "expect", "fine").up(), "the evaluator applies expect to the output");
    }

    /** As the original: any value test or processing, not only expect, makes the output decide (docs/parity.md). */
    @Test
    void withAValueTestTheOutputDecidesNotTheExitCode() {
        Reply r = await(monitor.probe(prog("echo 5; exit 1", "maxvalue", "10")));
        assertTrue(r.ok(), "left to the result checks: " + r.reason());
        assertEquals("5", r.value());
        assertTrue(await(monitor.probe(prog("echo 5; exit 1", "calc", "ave"))).ok());
        assertTrue(await(monitor.probe(prog("echo load=5; exit 1", "pluck", "load=(\\d+)")))
                .ok());
        assertTrue(await(monitor.probe(prog("echo 7; exit 2", "minvalue.major", "1")))
                .ok());
        assertEquals(
                "exit status 1",
                await(monitor.probe(prog("echo 5; exit 1", "severity", "major")))
                        .reason());
        assertFalse(judged("echo 50; exit 0", "maxvalue", "10").up(), "the evaluator tests the output");
    }

    /** The original gave the command one pipe for stdout and stderr: both are the value, in the order written. */
    @Test
    void whatTheCommandWritesToStandardErrorIsPartOfTheValue() {
        assertEquals(
                "one\ntwo\nthree",
                await(monitor.probe(prog("echo one; echo two >&2; echo three"))).value());
        Reply r = await(monitor.probe(prog("echo failing >&2; exit 0", "nexpect", "fail")));
        assertEquals("failing", r.value());
    }

    @Test
    void theCommandSeesTheServersPidAndDataDirectory() {
        Reply r = await(monitor.probe(prog("echo $ARGUS_PID $ARGUS_DATA")));
        assertEquals(ProcessHandle.current().pid() + " " + dir, r.value());
    }

    @Test
    void secretsOfTheServerAreNotPassedOn() {
        Map<String, String> env = new LinkedHashMap<>(
                Map.of("PATH", "/bin", "DB_PASSWORD", "x", "ARGUS_DARP_MASTER_SECRET", "y", "api_token", "z"));
        ProgEnvironment.apply(env, Map.of("ARGUS_PID", "42"), org.argusee.platform.control.ProgramUser.serverOwn());
        assertEquals(Map.of("PATH", "/bin", "ARGUS_PID", "42"), env);
    }

    @Test
    void theOutputIsCapped() {
        Reply r = await(monitor.probe(prog("head -c 300000 /dev/zero | tr '\\0' a")));
        assertTrue(r.ok(), r.reason());
        assertEquals(ProgRun.OUTPUT_CAP, r.value().length());
    }

    @Test
    void theProbeDoesNotRunOnTheCallersThread() {
        CompletionStage<Reply> stage = monitor.probe(prog("sleep 1; echo done"));
        assertFalse(stage.toCompletableFuture().isDone(), "probe returned before the command ended");
        assertEquals("done", await(stage).value());
    }

    @Test
    void atTheTimeoutTheWholeTreeIsKilled() throws Exception {
        Path pids = dir.resolve("pids");
        Reply r = await(
                monitor.probe(
                        prog("echo $$ > " + pids + "; sleep 300 & echo $! >> " + pids + "; sleep 301", "timeout", "1")),
                Duration.ofSeconds(15));
        assertEquals("timeout", r.reason());
        // ended by the 1 s timeout, not the 300 s sleep; the margin is for a loaded machine
        assertTrue(
                r.elapsed().compareTo(Duration.ofSeconds(10)) < 0, r.elapsed().toString());
        assertAllGone(pids, 2);
    }

    @Test
    void whatTheCommandLeavesRunningIsKilledWhenItExits() throws Exception {
        Path pids = dir.resolve("pids");
        // the orphan keeps stdout open and is no longer the shell's descendant: only its process group finds it
        Reply r = await(monitor.probe(prog("(sleep 302 & echo $! > " + pids + "); echo hi", "timeout", "10")));
        assertTrue(r.ok(), r.reason());
        assertEquals("hi", r.value());
        assertTrue(r.elapsed().compareTo(Duration.ofSeconds(5)) < 0, "not held until the timeout: " + r.elapsed());
        assertAllGone(pids, 1);
    }

    @Test
    void closingKillsWhatRuns() throws Exception {
        Path pids = dir.resolve("pids");
        CompletionStage<Reply> stage = monitor.probe(prog("echo $$ > " + pids + "; sleep 303; true"));
        Eventually.await(
                "command started", Duration.ofSeconds(5), () -> lines(pids).size() == 1);
        monitor.close();
        assertEquals("shut down", await(stage, Duration.ofSeconds(2)).reason());
        assertAllGone(pids, 1);
        assertEquals("shut down", await(monitor.probe(prog("true"))).reason());
    }

    @Test
    void aServiceWithoutCommandSaysSo() {
        assertEquals(
                "no command: set 'command'", await(monitor.probe(prog(" "))).reason());
    }

    /**
     * Issue 15, finding 4: run as the server's user, a command read the server's environment (database password,
     * DARP secret) from /proc. As the user of argus.prog.user it cannot, and the data directory is closed to it.
     */
    @Test
    void asAnotherUserTheCommandCannotReadTheServersEnvironmentNorItsPrivateFiles() throws Exception {
        long uid = ProgAccount.ensure();
        Path secret = dir.resolve("argus-initial-admin-password");
        Files.writeString(secret, "initial-secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        long pid = ProcessHandle.current().pid();
        // errors to /dev/null: stderr is part of the value, and only what was read counts here
        String attack = "id -u; cat /proc/" + pid + "/environ 2>/dev/null | wc -c;"
                + " cat $ARGUS_DATA/argus-initial-admin-password 2>/dev/null";
        try (ProgMonitor asUser =
                new ProgMonitor(ProgEnvironment.argus(dir.toString()), 1, ProgramUser.named(ProgAccount.NAME))) {
            Reply r = await(asUser.probe(prog(attack, "expect", ".")));
            assertTrue(r.ok(), r.reason());
            assertEquals(List.of(Long.toString(uid), "0"), r.value().lines().toList(), "nothing read: " + r.value());
        }
        Reply own = await(monitor.probe(prog(attack, "expect", ".")));
        assertTrue(own.value().contains("initial-secret"), "as the server's user it reads everything: " + own.value());
    }

    private static void assertAllGone(Path pids, int expected) throws Exception {
        List<String> lines = lines(pids);
        assertEquals(expected, lines.size(), lines.toString());
        for (String pid : lines) {
            ProcessHandle p = ProcessHandle.of(Long.parseLong(pid.strip())).orElse(null);
            if (p != null) {
                p.onExit().get(5, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The command's reply judged as the status board judges it, with the one test given. */
    private Verdict judged(String command, String test, String limit) {
        return ResultEvaluator.evaluate(
                Map.of(test, limit),
                await(monitor.probe(prog(command, test, limit))),
                EvalState.EMPTY,
                java.time.Instant.now());
    }

    private static ProbeSpec prog(String command, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("command", command);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return ProbeSpec.of(ServiceType.parse("Prog"), params);
    }
}
