package org.argusee.probe.control.tcp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TcpPeer;
import org.argusee.tree.control.ServiceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Agent} services against a small argus agent on loopback: one line asked, the answer read to its end. */
class AgentMonitorTest {

    private NetLoop loop;
    private TcpMonitor monitor;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new TcpMonitor(loop);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void paramAndArgAreSentAndTheAnswerIsTheValue() throws Exception {
        try (TcpPeer agent = TcpPeer.start(TcpPeer.answers("\n", "0.42\n"))) {
            ProbeSpec spec = spec("Agent", "param", "load", "arg", "5", "agent_port", Integer.toString(agent.port()));
            assertEquals(agent.port(), spec.port());
            Reply r = await(monitor.probe(spec));
            assertTrue(r.ok(), r.reason());
            assertEquals("0.42\n", r.value());
            assertEquals(List.of("load 5\n"), agent.requests);
        }
    }

    @Test
    void theTypesTailNamesTheParam() throws Exception {
        try (TcpPeer agent = TcpPeer.start(TcpPeer.answers("\n", "123456\n"))) {
            Reply r = await(monitor.probe(spec("Agent/uptime", "agent_port", Integer.toString(agent.port()))));
            assertTrue(r.ok(), r.reason());
            assertEquals(List.of("uptime\n"), agent.requests);
        }
    }

    @Test
    void theDefaultsAndProblems() {
        assertEquals(
                MonitorRoute.TCP, MonitorRoute.of(ServiceType.parse("Agent")).orElseThrow());
        assertEquals(164, spec("Agent", "param", "uptime").port());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> spec("Agent"))
                .getMessage()
                .startsWith("no agent param specified"));
        assertThrows(IllegalArgumentException.class, () -> spec("Agent", "param", "x", "agent_port", "0"));
    }

    @Test
    void nobodyListeningFails() throws Exception {
        Reply r = await(monitor.probe(spec("Agent", "param", "uptime", "agent_port", TcpPeer.freePort())));
        assertFalse(r.ok());
    }
}
