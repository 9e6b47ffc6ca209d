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
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness the DARP tests stand on: two Argus servers, each a WildFly process with its own ports and database
 * (no Arquillian deployment; the Arquillian-managed server is not involved). One is frozen with SIGSTOP while the
 * other answers, thawed, then killed with SIGKILL and started again with its data.
 */
class MultiServerIT {

    private static final Logger LOG = Logger.getLogger(MultiServerIT.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    @RegisterExtension
    final ArgusServers servers = new ArgusServers();

    @Test
    void twoServersKeepApartAndOneSurvivesFreezeAndKill() {
        ArgusServer alpha = servers.create("alpha");
        ArgusServer beta = servers.create("beta");
        servers.startAll(alpha, beta);
        LOG.info(() -> "booted side by side: alpha in " + alpha.bootTime().toMillis() + " ms, beta in "
                + beta.bootTime().toMillis() + " ms");

        assertEquals("alpha", alpha.api().get("api/server").json().getString("darpTag"));
        assertEquals("beta", beta.api().get("api/server").json().getString("darpTag"));
        String group = "Top:only_on_alpha_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = alpha.api().post(Api.object("Top") + "/children", """
                {"kind": "Group", "name": "%s"}""".formatted(group.substring(4)));
        assertEquals(201, created.status(), created.toString());
        assertEquals(200, alpha.api().get(Api.object(group)).status());
        assertEquals(404, beta.api().get(Api.object(group)).status(), "beta has a database of its own");

        alpha.hang();
        assertTrue(alpha.running() && alpha.hung());
        assertFalse(alpha.respondsWithin(PATIENCE), "a SIGSTOPped server answers nothing");
        assertEquals(200, beta.api().get("api/server").status(), "beta goes on while alpha is frozen");
        alpha.resume();
        Eventually.await("alpha answers after SIGCONT", Duration.ofSeconds(30), () -> alpha.respondsWithin(PATIENCE));
        assertEquals(200, alpha.api().get(Api.object(group)).status());

        long pid = alpha.pid();
        alpha.kill();
        assertFalse(alpha.running());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " survived SIGKILL");
        assertFalse(alpha.respondsWithin(PATIENCE), "a killed server answers nothing");
        alpha.start();
        LOG.info(() -> "alpha restarted after SIGKILL in " + alpha.bootTime().toMillis() + " ms");
        assertNotEquals(pid, alpha.pid());
        assertEquals(200, alpha.api().get(Api.object(group)).status(), "alpha kept its data across SIGKILL");
        assertEquals(404, beta.api().get(Api.object(group)).status());
    }
}
