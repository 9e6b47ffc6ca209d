package org.argusee.probe.control.tcp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TcpPeer;
import org.argusee.probe.control.net.TlsKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TCP monitor over TLS against real TLS servers on 127.0.0.1, with certificates made for the test. */
class TlsMonitorTest {

    @TempDir
    static Path keyDir;
    /** Valid for 100 days from now. */
    static TlsKeys fresh;
    /** Ended 370 days ago. */
    static TlsKeys expired;
    /** Starts in 10 days. */
    static TlsKeys future;

    private NetLoop loop;
    private TcpMonitor monitor;

    @BeforeAll
    static void keys() throws Exception {
        fresh = TlsKeys.make(keyDir, null, 100);
        expired = TlsKeys.make(keyDir, "-400d", 30);
        future = TlsKeys.make(keyDir, "+10d", 30);
    }

    @BeforeEach
    void open() throws IOException {
        loop = NetLoop.open();
        monitor = new TcpMonitor(loop);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @ParameterizedTest
    @CsvSource({
        "TCP/POPS, '+OK pop3 ready'",
        "TCP/IMAPS, '* OK imap ready'",
        "TCP/SMTPS, '220 mail ready'",
        "TCP/NNTPS, '200 news'"
    })
    void tlsAppsAreUpOnTheirGreetingWithASelfSignedCertificate(String type, String greeting) throws Exception {
        try (TcpPeer peer = tlsPeer(fresh, TcpPeer.says(greeting + "\r\n"))) {
            Reply r = await(monitor.probe(spec(type, "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(greeting, r.value());
        }
    }

    @Test
    void sslYesPutsAnyTcpServiceOnTls() throws Exception {
        try (TcpPeer peer = tlsPeer(fresh, TcpPeer.says("220 ok\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/SMTP", "port", port(peer), "ssl", "yes")));
            assertTrue(r.ok(), r.reason());
            assertEquals("220 ok", r.value());
        }
    }

    @Test
    void tls12ServersWorkToo() throws Exception {
        SSLServerSocket server = serverSocket(fresh);
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        try (TcpPeer peer = TcpPeer.start(server, TcpPeer.says("+OK old server\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/POPS", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals("+OK old server", r.value());
        }
    }

    @Test
    void noSessionIsResumedSoEveryProbeSeesTheCurrentCertificate() throws Exception {
        SSLServerSocket server = serverSocket(fresh);
        server.setEnabledProtocols(new String[] {"TLSv1.2"}); // 1.2 shows a resumed session by its id
        List<String> sessions = new CopyOnWriteArrayList<>();
        try (TcpPeer peer = TcpPeer.start(server, (s, p) -> {
            try (s) {
                sessions.add(
                        HexFormat.of().formatHex(((SSLSocket) s).getSession().getId()));
                s.getOutputStream().write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        })) {
            for (int i = 0; i < 3; i++) {
                Reply r = await(monitor.probe(spec("TCP/POPS", "hostname", "localhost", "port", port(peer))));
                assertTrue(r.ok(), r.reason());
            }
            assertEquals(3, sessions.stream().distinct().count(), sessions.toString());
        }
    }

    @Test
    void anExpiredCertificateIsNoFailureUnlessTheUserAsks() throws Exception {
        try (TcpPeer peer = tlsPeer(expired, TcpPeer.says("+OK ready\r\n"))) {
            Reply plain = await(monitor.probe(spec("TCP/POPS", "port", port(peer))));
            assertTrue(plain.ok(), plain.reason());
            Reply checked = await(monitor.probe(spec("TCP/POPS", "port", port(peer), "ssl_expiry", "0")));
            assertFalse(checked.ok());
            assertEquals("certificate expired", checked.reason());
        }
    }

    @Test
    void expiryWithinTheUsersDaysIsNamed() throws Exception {
        try (TcpPeer peer = tlsPeer(fresh, TcpPeer.says("+OK ready\r\n"))) {
            Reply soon = await(monitor.probe(spec("TCP/POPS", "port", port(peer), "ssl_expiry", "120")));
            assertFalse(soon.ok());
            assertTrue(
                    List.of("certificate expires in 99 days", "certificate expires in 100 days")
                            .contains(soon.reason()),
                    soon.reason());
            Reply fine = await(monitor.probe(spec("TCP/POPS", "port", port(peer), "ssl_expiry", "30")));
            assertTrue(fine.ok(), fine.reason());
        }
    }

    @Test
    void aCertificateNotYetValidFailsOnlyTheCheck() throws Exception {
        try (TcpPeer peer = tlsPeer(future, TcpPeer.says("+OK ready\r\n"))) {
            assertTrue(
                    await(monitor.probe(spec("TCP/POPS", "port", port(peer)))).ok());
            Reply r = await(monitor.probe(spec("TCP/POPS", "port", port(peer), "ssl_expiry", "0")));
            assertEquals("certificate not yet valid", r.reason());
        }
    }

    @Test
    void sslValueDaysGivesTheDaysLeftAfterTheAppsOwnCheck() throws Exception {
        try (TcpPeer peer = tlsPeer(fresh, TcpPeer.says("+OK ready\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/POPS", "port", port(peer), "ssl_value", "days", "minvalue", "30")));
            assertTrue(r.ok(), r.reason());
            assertTrue(List.of("99", "100").contains(r.value()), r.value());
        }
        try (TcpPeer peer = tlsPeer(expired, TcpPeer.says("-ERR no\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/POPS", "port", port(peer), "ssl_value", "days")));
            assertEquals("expect failed", r.reason(), "POP's own +OK rule still applies");
        }
    }

    @Test
    void connectOnlySslTestsTheHandshake() throws Exception {
        try (TcpPeer peer = tlsPeer(expired, handshakeAndHold())) {
            Reply r = await(monitor.probe(spec("TCP/SSL", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertNull(r.value());
            Reply days = await(monitor.probe(spec("TCP/SSL", "port", port(peer), "ssl_value", "days")));
            assertTrue(days.ok(), days.reason());
            assertTrue(List.of("-370", "-371").contains(days.value()), days.value());
        }
    }

    @Test
    void httpsSendsHeadOverTls() throws Exception {
        String answer = "HTTP/1.0 200 OK\r\nServer: test\r\n\r\n";
        try (TcpPeer peer = tlsPeer(fresh, TcpPeer.answers("\r\n\r\n", answer))) {
            Reply r = await(monitor.probe(spec("TCP/HTTPS", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(answer, r.value());
            assertEquals(List.of("HEAD / HTTP/1.0\r\n\r\n"), peer.requests);
        }
    }

    @Test
    void toeofOverTlsIsCappedAt64KiB() throws Exception {
        byte[] megabyte = new byte[1024 * 1024];
        Arrays.fill(megabyte, (byte) 'y');
        try (TcpPeer peer = tlsPeer(fresh, (s, p) -> {
            try (s) {
                s.getOutputStream().write(megabyte);
            }
        })) {
            Reply r = await(
                    monitor.probe(spec("TCP", "port", port(peer), "ssl", "yes", "readhow", "toeof", "expect", "^y+$")));
            assertTrue(r.ok(), r.reason());
            assertEquals(Received.CAP, r.value().length());
        }
    }

    @Test
    void aPlainServerFailsTheHandshakeInPlainWords() throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.says("+OK plain text\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/POPS", "port", port(peer))));
            assertFalse(r.ok());
            assertEquals("TLS handshake failed: the server does not speak TLS", r.reason());
        }
    }

    @Test
    void aServerThatHangsUpInTheHandshakeIsNamed() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> s.close())) {
            Reply r = await(monitor.probe(spec("TCP/IMAPS", "port", port(peer))));
            assertTrue(
                    List.of("TLS handshake failed: connection closed", "TLS handshake failed: connection reset")
                            .contains(r.reason()),
                    r.reason());
        }
    }

    @Test
    void aServerSilentInTheHandshakeTimesOutAtTheServiceTimeout() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> p.hold(s))) {
            Reply r = await(monitor.probe(spec("TCP/SSL", "port", port(peer), "timeout", "1")), Duration.ofSeconds(6));
            assertEquals("timeout in TLS handshake", r.reason());
            assertTrue(
                    r.elapsed().compareTo(Duration.ofMillis(900)) >= 0,
                    r.elapsed().toString());
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void manyHandshakesAtOnceOnTheOneLoop() throws Exception {
        try (TcpPeer peer = tlsPeer(fresh, greetAndClose())) {
            ProbeSpec s = spec("TCP/POPS", "port", port(peer), "timeout", "50");
            List<CompletionStage<Reply>> stages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                stages.add(monitor.probe(s));
            }
            for (CompletionStage<Reply> stage : stages) {
                Reply r = await(stage, Duration.ofSeconds(60));
                assertTrue(r.ok(), r.reason());
                assertEquals("+OK", r.value());
            }
        }
    }

    static TcpPeer tlsPeer(TlsKeys keys, TcpPeer.Behaviour behaviour) throws IOException {
        return TcpPeer.start(serverSocket(keys), behaviour);
    }

    static SSLServerSocket serverSocket(TlsKeys keys) throws IOException {
        return (SSLServerSocket)
                keys.context().getServerSocketFactory().createServerSocket(0, 100, InetAddress.getLoopbackAddress());
    }

    private static TcpPeer.Behaviour handshakeAndHold() {
        return (s, p) -> {
            ((SSLSocket) s).startHandshake();
            p.hold(s);
        };
    }

    private static TcpPeer.Behaviour greetAndClose() {
        return (s, p) -> {
            try (Socket socket = s) {
                socket.getOutputStream().write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    private static String port(TcpPeer peer) {
        return Integer.toString(peer.port());
    }
}
