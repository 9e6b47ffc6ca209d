package org.argusee.probe.control.udp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpMonitorTest {

    private static final Duration SHORT_WAIT = Duration.ofSeconds(6);
    private NetLoop loop;
    private UdpMonitor monitor;

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new UdpMonitor(loop);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void dnsServerAnswers() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(UdpMonitorTest::dnsAnswer)) {
            Reply r = await(monitor.probe(spec("UDP/DNS", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            byte[] query = peer.requests.get(0);
            assertEquals(0, query[12], "asks about the root");
            assertEquals(2, query[14], "for NS records");
        }
    }

    @Test
    void aDnsAnswerWithAnotherIdIsNotOurs() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> {
            byte[] a = dnsAnswer(q);
            a[0] ^= 0x55;
            return a;
        })) {
            Reply r = await(monitor.probe(spec("UDP/DNS", "port", port(peer), "timeout", "1")), SHORT_WAIT);
            assertEquals("no response", r.reason());
        }
    }

    @Test
    void aDnsQueryEchoedBackIsNoAnswer() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> q)) {
            assertEquals(
                    "bad DNS response",
                    await(monitor.probe(spec("UDP/DNS", "port", port(peer)))).reason());
        }
    }

    @Test
    void ntpServerAnswersInModeFour() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> {
            byte[] a = new byte[48];
            a[0] = 0x1c; // version 3, mode 4
            a[1] = 2; // stratum
            System.arraycopy(q, 40, a, 24, 8);
            return a;
        })) {
            Reply r = await(monitor.probe(spec("UDP/NTP", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(48, r.value().length(), "the raw packet, for unpack");
            assertEquals(2, r.value().charAt(1));
        }
    }

    /** The original's built-ins: NTP/Stratum unpacks xC, NTP/Dispersion x8N scaled by 65536 (docs/parity.md). */
    @Test
    void ntpStratumAndDispersionAreTheOriginalsFigures() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> {
            byte[] a = new byte[48];
            a[0] = 0x1c;
            a[1] = 3;
            ByteBuffer.wrap(a, 8, 4).putInt(0x00018000); // root dispersion 1.5 s in 16.16
            System.arraycopy(q, 40, a, 24, 8);
            return a;
        })) {
            assertTrue(monitor.handles(spec("UDP/NTP/Stratum", "port", port(peer))));
            assertEquals(
                    "3",
                    await(monitor.probe(spec("UDP/NTP/Stratum", "port", port(peer))))
                            .value());
            assertEquals(
                    "1.5",
                    await(monitor.probe(spec("UDP/NTP/Dispersion", "port", port(peer))))
                            .value());
            assertEquals(
                    48,
                    await(monitor.probe(spec("UDP/NTP/Stratum", "port", port(peer), "unpack", "x2C")))
                            .value()
                            .length(),
                    "with its own unpack the service takes the raw answer apart");
            assertFalse(monitor.handles(spec("UDP/NTP/Offset", "port", port(peer))));
        }
    }

    @Test
    void radiusServerRejects() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> {
            byte[] a = new byte[20];
            a[0] = 3; // Access-Reject
            a[1] = q[1];
            a[3] = 20;
            return a;
        })) {
            Reply r = await(monitor.probe(spec("UDP/RADIUS", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(1, peer.requests.get(0)[0], "an Access-Request");
        }
    }

    @Test
    void portmapperAnswersTheNullCall() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> rpcAnswer(q, 0))) {
            Reply r = await(monitor.probe(spec("UDP/Portmap", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(100000, ByteBuffer.wrap(peer.requests.get(0)).getInt(12));
        }
    }

    @Test
    void aVersionMismatchIsDownOnlyWhenTheServiceNamesTheVersion() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> rpcAnswer(q, 2))) {
            assertTrue(await(monitor.probe(spec("UDP/NFS", "port", port(peer)))).ok());
            assertEquals(
                    "RPC version 3 not offered",
                    await(monitor.probe(spec("UDP/NFSv3", "port", port(peer)))).reason());
        }
    }

    @Test
    void genericUdpSendsAndExpects() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(q -> "pong".getBytes(StandardCharsets.US_ASCII))) {
            Reply up = await(monitor.probe(spec("UDP", "port", port(peer), "send", "ping\n", "expect", "^pong$")));
            assertTrue(up.ok(), up.reason());
            assertEquals("pong", up.value());
            Reply down = await(monitor.probe(spec("UDP", "port", port(peer), "send", "ping\n", "expect", "^ok")));
            assertEquals("expect failed", down.reason());
        }
    }

    @Test
    void answersFromAnotherPortAreIgnored() throws Exception {
        byte[] pong = "pong".getBytes(StandardCharsets.US_ASCII);
        try (UdpPeer stranger = UdpPeer.start((q, main, other) -> other.send(pong));
                UdpPeer both = UdpPeer.start((q, main, other) -> {
                    other.send("stranger".getBytes(StandardCharsets.US_ASCII));
                    main.send(pong);
                })) {
            Reply ignored =
                    await(monitor.probe(spec("UDP", "port", port(stranger), "send", "x", "timeout", "1")), SHORT_WAIT);
            assertEquals("no response", ignored.reason());
            Reply r = await(monitor.probe(spec("UDP", "port", port(both), "send", "x")));
            assertEquals("pong", r.value(), "the stranger's datagram was skipped");
            Reply accepted = await(
                    monitor.probe(spec("UDP", "port", port(stranger), "send", "x", "verify_response_port", "no")));
            assertEquals("pong", accepted.value());
        }
    }

    @Test
    void nobodyListeningIsNoResponseAtTheTimeout() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Reply r = await(monitor.probe(spec("UDP/DNS", "port", Integer.toString(port), "timeout", "1")), SHORT_WAIT);
        assertFalse(r.ok());
        assertEquals("no response", r.reason());
    }

    @Test
    void requestsOfOtherMonitorsAreRefused() {
        assertEquals(
                "UDP/SNMPv3 is tested by another monitor",
                await(monitor.probe(spec("UDP/SNMPv3"))).reason());
        assertEquals(
                "UDP/SNMP is tested by another monitor",
                await(monitor.probe(spec("UDP/SNMP"))).reason());
        assertTrue(
                await(monitor.probe(spec("UDP/DNS/A/www.example.com"))).reason().endsWith("not supported yet"));
    }

    static String port(UdpPeer peer) {
        return Integer.toString(peer.port());
    }

    private static byte[] dnsAnswer(byte[] query) {
        byte[] a = Arrays.copyOf(query, query.length);
        a[2] |= (byte) 0x80; // QR: a response
        return a;
    }

    private static byte[] rpcAnswer(byte[] call, int acceptStat) {
        ByteBuffer b = ByteBuffer.allocate(24);
        b.putInt(ByteBuffer.wrap(call).getInt(0))
                .putInt(1)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(acceptStat);
        return b.array();
    }
}
