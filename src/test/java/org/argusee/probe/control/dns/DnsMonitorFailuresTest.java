package org.argusee.probe.control.dns;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.argusee.probe.control.dns.DnsChecks.SHORT_WAIT;
import static org.argusee.probe.control.dns.DnsChecks.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.udp.UdpMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Servers that misbehave: wrong id, wrong question, echo, garbage, silence, slowness, refusal, hang-up. */
class DnsMonitorFailuresTest {

    private NetLoop loop;
    private DnsMonitor monitor;
    private final DnsTestZone zone = DnsTestZone.of(true);

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new DnsMonitor(loop, new UdpMonitor(loop));
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void anAnswerWithAnotherIdIsIgnored() throws Exception {
        try (DnsServer server = DnsServer.start(
                (q, tcp) -> List.of(withId(zone.respond(q), q.getHeader().getID() ^ 0x5555)))) {
            assertFailed("timeout", probe(server, "DNS/A/www.example.com", "timeout", "1"));
        }
    }

    @Test
    void theRightAnswerAfterAStrayOneCounts() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> List.of(
                withId(zone.respond(q), q.getHeader().getID() ^ 0x5555),
                zone.respond(q).toWire()))) {
            assertEquals(
                    "10.1.2.3",
                    probe(server, "DNS/A/www.example.com", "timeout", "5").value());
        }
    }

    @Test
    void anAnswerToAnotherQuestionIsIgnored() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> {
            Message m = DnsTestZone.reply(q);
            m.addRecord(
                    Record.newRecord(
                            Name.fromString("evil.example.net."),
                            Type.A,
                            q.getQuestion().getDClass()),
                    Section.QUESTION);
            return List.of(m.toWire());
        })) {
            assertFailed("timeout", probe(server, "DNS/A/www.example.com", "timeout", "1"));
        }
    }

    @Test
    void overTcpAWrongIdIsABrokenServer() throws Exception {
        try (DnsServer server = DnsServer.start(
                (q, tcp) -> List.of(withId(zone.respond(q), q.getHeader().getID() ^ 0x5555)))) {
            assertFailed("bad DNS response", probe(server, "TCP/DNS/A/www.example.com", "timeout", "5"));
        }
    }

    @Test
    void ourQueryEchoedBackIsABadResponse() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> List.of(q.toWire()))) {
            assertFailed("bad DNS response", probe(server, "Domain/example.com"));
        }
    }

    @Test
    void garbageIsABadResponse() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> List.of(new byte[] {1, 2, 3}))) {
            assertFailed("bad DNS response", probe(server, "Domain/example.com"));
        }
        try (DnsServer server = DnsServer.start((q, tcp) -> {
            byte[] head = java.util.Arrays.copyOf(zone.respond(q).toWire(), 20);
            return List.of(head); // our id, then a question cut short, without TC
        })) {
            assertFailed("bad DNS response", probe(server, "Domain/example.com"));
        }
    }

    @Test
    void silenceIsATimeoutWithinTheDeadline() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> List.of())) {
            Reply r = probe(server, "Domain/example.com", "timeout", "1");
            assertFailed("timeout", r);
            assertTrue(
                    r.elapsed().compareTo(Duration.ofMillis(900)) >= 0,
                    r.elapsed().toString());
            assertEquals(1, server.asked.size(), "one request, no resend");
        }
    }

    @Test
    void aSlowServerWithinTheTimeoutIsUp() throws Exception {
        try (DnsServer server = DnsServer.slow(DnsTestZone.authoritative(), Duration.ofMillis(300))) {
            Reply r = probe(server, "Domain/example.com", "timeout", "5");
            assertTrue(r.ok(), r.reason());
            assertTrue(
                    r.elapsed().compareTo(Duration.ofMillis(300)) >= 0,
                    r.elapsed().toString());
        }
    }

    @Test
    void aServerSlowerThanTheTimeoutIsATimeout() throws Exception {
        try (DnsServer server = DnsServer.slow(DnsTestZone.authoritative(), Duration.ofSeconds(3))) {
            assertFailed("timeout", probe(server, "Domain/example.com", "timeout", "1"));
        }
    }

    @Test
    void nobodyOnTheUdpPortIsPortUnreachable() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Reply r = await(
                monitor.probe(spec("Domain/example.com", "port", Integer.toString(port), "timeout", "3")), SHORT_WAIT);
        assertFailed("port unreachable", r);
    }

    @Test
    void nobodyOnTheTcpPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Reply r = await(monitor.probe(spec("TCP/Domain/example.com", "port", Integer.toString(port))), SHORT_WAIT);
        assertFailed("connection refused", r);
    }

    @Test
    void aTcpServerThatHangsUpIsConnectionClosed() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> List.of())) {
            assertFailed("connection closed", probe(server, "TCP/Domain/example.com"));
        }
    }

    @Test
    void aTcpServerThatNeverAnswersIsATimeout() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // the backlog accepts, nobody reads
            Reply r = await(
                    monitor.probe(
                            spec("TCP/Domain/example.com", "port", Integer.toString(s.getLocalPort()), "timeout", "1")),
                    SHORT_WAIT);
            assertFailed("timeout", r);
        }
    }

    @Test
    void aProbeInFlightAtShutdownEndsShutDown() throws Exception {
        try (DnsServer server = DnsServer.start((q, tcp) -> List.of())) {
            CompletionStage<Reply> pending = monitor.probe(spec("Domain/example.com", "port", server.portText()));
            loop.close();
            assertFailed(NetLoop.SHUT_DOWN, await(pending, SHORT_WAIT));
        }
    }

    @Test
    void badSettingsMadeOutsideProbeSpecOfAreAConfigurationFailure() {
        ProbeSpec good = spec("DNS");
        ProbeSpec bad = new ProbeSpec(
                good.type(),
                good.hostname(),
                good.port(),
                null,
                null,
                good.readhow(),
                false,
                false,
                good.timeout(),
                good.ipversions(),
                java.util.Map.of("hostname", "127.0.0.1", "test", "x"));
        Reply r = await(monitor.probe(bad), SHORT_WAIT);
        assertTrue(r.reason().startsWith("configuration: bad test 'x'"), r.reason());
    }

    private Reply probe(DnsServer server, String type, String... keyValues) {
        return DnsChecks.probe(monitor, server, type, keyValues);
    }

    private static byte[] withId(Message m, int id) {
        m.getHeader().setID(id & 0xffff);
        return m.toWire();
    }
}
