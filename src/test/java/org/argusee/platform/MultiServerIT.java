package org.argusee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.argusee.testsupport.Api;
import org.argusee.testsupport.ArgusServer;
import org.argusee.testsupport.ArgusServers;
import org.argusee.testsupport.CommonServer;
import org.argusee.testsupport.Relay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness the DARP tests stand on: two Argus servers, each a WildFly process with its own ports and database
 * (no Arquillian deployment; the Arquillian-managed server is not involved). The link to one is cut at a relay,
 * then one is frozen with SIGSTOP while the other answers, thawed, killed with SIGKILL and started again with
 * its data. The second (beta) is the run's {@link CommonServer}, which this test only reads and relays to (a boot
 * less); alpha, frozen and killed, is its own.
 */
class MultiServerIT {

    private static final Logger LOG = Logger.getLogger(MultiServerIT.class.getName());
    /** How long a check that expects no answer listens: a frozen or cut-off server never answers. */
    private static final Duration SILENCE = Duration.ofSeconds(2);
    /** How long a check that expects an answer waits at most (it returns at the answer): a loaded machine is slow. */
    private static final Duration ANSWER = Duration.ofSeconds(20);

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    @Test
    void twoServersKeepApartAndOneSurvivesFreezeAndKill() {
        ArgusServer beta = CommonServer.get();
        ArgusServer alpha = servers.create("alpha").start();
        LOG.info(() -> "booted: alpha in " + alpha.bootTime().toMillis() + " ms, beta (shared) in "
                + beta.bootTime().toMillis() + " ms");

        assertEquals("alpha", alpha.api().get("api/server").json().getString("darpTag"));
        assertEquals(beta.name(), beta.api().get("api/server").json().getString("darpTag"));
        String group = "Top:only_on_alpha_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = alpha.api().post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(group.substring(4)));
        assertEquals(201, created.status(), created.toString());
        assertEquals(200, alpha.api().get(Api.object(group)).status());
        assertEquals(404, beta.api().get(Api.object(group)).status(), "beta has a database of its own");

        try (Relay toBeta = Relay.to(beta.url().getPort())) {
            assertTrue(ArgusServer.answers(toBeta.url(), ANSWER), "beta answers through the relay");
            toBeta.cut();
            assertFalse(ArgusServer.answers(toBeta.url(), SILENCE), "a cut link carries no answer");
            assertTrue(beta.respondsWithin(ANSWER), "beta itself still answers");
            toBeta.open();
            assertTrue(ArgusServer.answers(toBeta.url(), ANSWER), "the link heals");
        }

        alpha.hang();
        assertTrue(alpha.running() && alpha.hung());
        assertFalse(alpha.respondsWithin(SILENCE), "a SIGSTOPped server answers nothing");
        assertEquals(200, beta.api().get("api/server").status(), "beta goes on while alpha is frozen");
        alpha.resume();
        assertTrue(alpha.respondsWithin(ANSWER), "alpha answers after SIGCONT");
        assertEquals(200, alpha.api().get(Api.object(group)).status());

        long pid = alpha.pid();
        alpha.kill();
        assertFalse(alpha.running());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), pid + " survived SIGKILL");
        assertFalse(alpha.respondsWithin(SILENCE), "a killed server answers nothing");
        alpha.start();
        LOG.info(() -> "alpha restarted after SIGKILL in " + alpha.bootTime().toMillis() + " ms");
        assertNotEquals(pid, alpha.pid());
        assertEquals(200, alpha.api().get(Api.object(group)).status(), "alpha kept its data across SIGKILL");
        assertEquals(404, beta.api().get(Api.object(group)).status());
    }
}
