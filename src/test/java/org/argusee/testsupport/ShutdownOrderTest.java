package org.argusee.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The quick start's database is stopped only after its WildFly (here a child process standing in for it). */
class ShutdownOrderTest {

    @Test
    void theServerIsAskedToStopAndTheLastStepWaitsForItsExit() throws Exception {
        // a server that takes a moment to stop after SIGTERM, as WildFly undeploying
        Process server = shellWithTrap("trap 'sleep 1; exit 0' TERM");
        AtomicBoolean serverAliveAtTheEnd = new AtomicBoolean(true);
        Instant t0 = Instant.now();
        ShutdownOrder.afterServers(
                p -> p.pid() == server.pid(), Duration.ofSeconds(20), () -> serverAliveAtTheEnd.set(server.isAlive()));
        assertFalse(serverAliveAtTheEnd.get(), "the database was stopped while the server still ran");
        assertTrue(Duration.between(t0, Instant.now()).toMillis() >= 500, "it waited for the server to stop");
    }

    @Test
    void aServerThatDoesNotStopDelaysTheLastStepOnlyUpToTheBound() throws Exception {
        Process server = shellWithTrap("trap '' TERM");
        try {
            AtomicBoolean ran = new AtomicBoolean();
            Instant t0 = Instant.now();
            ShutdownOrder.afterServers(p -> p.pid() == server.pid(), Duration.ofMillis(500), () -> ran.set(true));
            assertTrue(ran.get());
            assertTrue(server.isAlive(), "it ignores SIGTERM");
            assertTrue(Duration.between(t0, Instant.now()).toSeconds() < 10, "bounded wait");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor();
        }
    }

    /** A shell standing in for WildFly, returned once it says its trap is set (a SIGTERM before would kill it). */
    private static Process shellWithTrap(String trap) throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", trap + "; echo ready; while true; do sleep 0.1; done").start();
        BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        return shell;
    }

    @Test
    void wildflyIsRecognisedByItsLauncherOrJbossModules() {
        assertFalse(ShutdownOrder.isServer(ProcessHandle.current()), "the test JVM is no WildFly");
    }
}
