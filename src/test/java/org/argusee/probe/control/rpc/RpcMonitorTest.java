package org.argusee.probe.control.rpc;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TCP/RPC and UDP/RPC against a portmapper and an RPC program on loopback, as the original's Argus::RPC. */
class RpcMonitorTest {

    private static final int MOUNTD = 100005;
    private NetLoop loop;
    private RpcMonitor monitor;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new RpcMonitor(loop);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void udpLooksUpTheProgramThenCallsItsNullProcedure() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, true, 1, 3)) {
            Reply r = await(monitor.probe(spec("UDP/RPC/100005/3", "portmap_port", port(peer, false))));
            assertTrue(r.ok(), r.reason());
            ByteBuffer lookup = peer.lookups.get(0);
            assertEquals(100000, lookup.getInt(0), "asks the portmapper");
            assertEquals(2, lookup.getInt(4), "version 2 by default");
            assertEquals(3, lookup.getInt(8), "GETPORT");
            assertEquals(MOUNTD, lookup.getInt(12));
            assertEquals(3, lookup.getInt(16));
            assertEquals(17, lookup.getInt(20), "for UDP");
        }
    }

    @Test
    void tcpByNameReadsTheRecordWhileTheProgramKeepsTheConnectionOpen() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, true, 3)) {
            Reply r = await(
                    monitor.probe(spec("TCP/RPC/mountd", "portmap_port", port(peer, true), "timeout", "10")),
                    Duration.ofSeconds(8));
            assertTrue(r.ok(), r.reason());
            assertEquals(6, peer.lookups.get(0).getInt(20), "for TCP");
            // no version named: the call asks version 0, the program says which it offers (8 bytes), and that is up
            assertEquals(4 + 24 + 8, r.value().length(), "the raw reply with its record mark, as the original tests");
        }
    }

    @Test
    void aVersionNotOfferedIsDownOnlyWhenTheServiceNamesIt() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, true, 1)) {
            Reply named = await(monitor.probe(spec("UDP/RPC/mountd/3", "portmap_port", port(peer, false))));
            assertFalse(named.ok());
            assertEquals("RPC version 3 not offered", named.reason());
            Reply any = await(monitor.probe(spec("UDP/RPC/mountd", "portmap_port", port(peer, false))));
            assertTrue(any.ok(), any.reason());
        }
    }

    @Test
    void aProgramThePortmapperDoesNotKnowIsNotRegistered() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, false, 3)) {
            Reply r = await(monitor.probe(spec("TCP/RPC/100005", "portmap_port", port(peer, true))));
            assertEquals("RPC program 100005 not registered", r.reason());
        }
    }

    @Test
    void rpcbindVersionFourAnswersAUniversalAddress() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, true, 3)) {
            Reply r = await(
                    monitor.probe(spec("UDP/RPC/mountd/3", "portmap_port", port(peer, false), "portmap_version", "4")));
            assertTrue(r.ok(), r.reason());
            assertEquals(4, peer.lookups.get(0).getInt(4), "GETADDR of rpcbind 4");
        }
    }

    @Test
    void prognumAndVersionParametersOverrideTheType() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, true, 3)) {
            Reply r = await(monitor.probe(
                    spec("UDP/RPC/nfs/2", "portmap_port", port(peer, false), "prognum", "mountd", "version", "3")));
            assertTrue(r.ok(), r.reason());
        }
    }

    @Test
    void expectTestsTheRawReply() throws Exception {
        try (PortmapPeer peer = new PortmapPeer(MOUNTD, true, 3)) {
            Reply r =
                    await(monitor.probe(spec("UDP/RPC/mountd/3", "portmap_port", port(peer, false), "expect", "x{9}")));
            assertEquals("expect failed", r.reason());
        }
    }

    @Test
    void aSilentPortmapperTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Reply r = await(
                    monitor.probe(spec(
                            "UDP/RPC/mountd", "portmap_port", Integer.toString(silent.getLocalPort()), "timeout", "1")),
                    Duration.ofSeconds(6));
            assertEquals("portmapper: no response", r.reason());
        }
    }

    @Test
    void anUnknownProgramNameIsAConfigError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec("UDP/RPC/nosuchd"));
        assertTrue(e.getMessage().startsWith("invalid RPC program 'nosuchd'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec("TCP/RPC/mountd", "portmap_version", "5"));
        assertThrows(IllegalArgumentException.class, () -> spec("TCP/RPC/mountd/x"));
    }

    private static String port(PortmapPeer peer, boolean tcp) {
        return Integer.toString(peer.portmapPort(tcp));
    }
}
