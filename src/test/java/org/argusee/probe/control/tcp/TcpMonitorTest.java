package org.argusee.probe.control.tcp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.probe.control.Probe;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TcpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpMonitorTest {

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

    @ParameterizedTest
    @CsvSource({
        "TCP/SMTP, '220 mail ESMTP ready'",
        "TCP/FTP, '220 ftp'",
        "TCP/POP, '+OK pop3'",
        "TCP/IMAP, '* OK imap4'",
        "TCP/NNTP, '200 news'",
        "TCP/SSH, 'SSH-2.0-OpenSSH_9.2'"
    })
    void bannerAppsAreUpOnTheirGreeting(String type, String greeting) throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.says(greeting + "\r\n"))) {
            Reply r = await(monitor.probe(spec(type, "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(greeting, r.value(), "the line, without its line end");
        }
    }

    /**
     * A greeting of several lines written at once is tested whole, as the original tested its read buffer: text on
     * the second line matches (found running beside Argus 3.7, docs/parity.md).
     */
    @Test
    void aBannerOfSeveralLinesReadAtOnceIsTestedWhole() throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.says("220-mail.example.com\r\n220 ESMTP ready\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP", "port", port(peer), "readhow", "banner", "expect", "ESMTP")));
            assertTrue(r.ok(), r.reason());
            assertTrue(r.value().startsWith("220-mail.example.com"), r.value());
        }
    }

    @Test
    void aWrongGreetingFailsExpect() throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.says("554 go away\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/SMTP", "port", port(peer))));
            assertFalse(r.ok());
            assertEquals("expect failed", r.reason());
        }
    }

    @Test
    void aSilentPeerTimesOutAtTheServiceTimeout() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> p.hold(s))) {
            Reply r = await(monitor.probe(spec("TCP/SMTP", "port", port(peer), "timeout", "1")), Duration.ofSeconds(6));
            assertEquals("timeout", r.reason());
            assertTrue(
                    r.elapsed().compareTo(Duration.ofMillis(900)) >= 0,
                    r.elapsed().toString());
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void nobodyListeningIsConnectionRefused() throws Exception {
        Reply r = await(monitor.probe(spec("TCP/SMTP", "port", TcpPeer.freePort())));
        assertFalse(r.ok());
        assertEquals("connection refused", r.reason());
    }

    @Test
    void aPeerThatHangsUpAtOnceIsDown() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> s.close())) {
            Reply r = await(monitor.probe(spec("TCP/SMTP", "port", port(peer))));
            assertEquals("connection closed", r.reason());
        }
    }

    @Test
    void aBannerWithoutLineEndIsTestedWhenThePeerCloses() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> {
            try (s) {
                s.getOutputStream().write("220 short".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        })) {
            Reply r = await(monitor.probe(spec("TCP/SMTP", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals("220 short", r.value());
        }
    }

    @Test
    void toeofIsCappedAt64KiB() throws Exception {
        byte[] megabyte = new byte[1024 * 1024];
        java.util.Arrays.fill(megabyte, (byte) 'x');
        try (TcpPeer peer = TcpPeer.start((s, p) -> {
            try (s) {
                s.getOutputStream().write(megabyte);
            }
        })) {
            Reply r = await(monitor.probe(spec("TCP", "port", port(peer), "readhow", "toeof", "expect", "^x+$")));
            assertTrue(r.ok(), r.reason());
            assertEquals(Received.CAP, r.value().length());
        }
    }

    @Test
    void httpSendsHeadAndReadsToTheEnd() throws Exception {
        String answer = "HTTP/1.0 200 OK\r\nServer: test\r\n\r\n";
        try (TcpPeer peer = TcpPeer.start(TcpPeer.answers("\r\n\r\n", answer))) {
            Reply r = await(monitor.probe(spec("TCP/HTTP", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertEquals(answer, r.value());
            assertEquals(List.of("HEAD / HTTP/1.0\r\n\r\n"), peer.requests);
        }
    }

    @Test
    void sendThenExpect() throws Exception {
        // the shape of the LoCo example in the original's sample config
        try (TcpPeer peer = TcpPeer.start(TcpPeer.answers("\n", "200 OK hello\r\n"))) {
            ProbeSpec s = spec("TCP", "port", port(peer), "readhow", "banner", "send", "HELO\n", "expect", "200 OK");
            Reply r = await(monitor.probe(s));
            assertTrue(r.ok(), r.reason());
            assertEquals("200 OK hello", r.value());
            assertEquals(List.of("HELO\n"), peer.requests);
        }
    }

    @Test
    void connectOnlyAppsNeedNoData() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> p.hold(s))) {
            Reply r = await(monitor.probe(spec("TCP/Telnet", "port", port(peer))));
            assertTrue(r.ok(), r.reason());
            assertNull(r.value());
        }
    }

    @Test
    void typesOfOtherMonitorsAreRefused() {
        Reply r = await(monitor.probe(spec("TCP/URL", "url", "http://127.0.0.1/")));
        assertFalse(r.ok());
        assertTrue(r.reason().contains("another monitor"), r.reason());
    }

    @Test
    void ipversionLimitsTheAddressesTried() {
        Reply r = await(monitor.probe(spec("TCP/SMTP", "ipversion", "6")));
        assertEquals("no IPv6 address", r.reason());
    }

    @Test
    void anUnknownNameFails() {
        Reply r = await(monitor.probe(spec("TCP/SMTP", "hostname", "no-such-host.invalid", "timeout", "5")));
        assertFalse(r.ok());
        // without a resolver on the test machine the lookup itself may hang until the probe's timeout
        assertTrue(List.of("cannot resolve hostname", "timeout").contains(r.reason()), r.reason());
    }

    // A probe prepared once (TcpMonitor#prepare, the scheduler's) and started at each turn: each start is one probe
    // whose reply comes once, with its context, as probe() answers; a literal's address is worked out once, a name
    // is resolved at each start.

    @Test
    void eachStartIsOneProbeWhoseReplyComesOnceWithItsContext() throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.says("220 ready\r\n"))) {
            Probe probe = monitor.prepare(spec("TCP/SMTP", "port", port(peer)));
            Map<Integer, List<Reply>> replies = startAndWait(probe, 50);
            assertEquals(50, replies.size());
            for (List<Reply> r : replies.values()) {
                assertEquals(1, r.size());
                assertEquals("220 ready", r.get(0).value(), r.get(0).reason());
            }
            assertEquals(50, peer.accepted.get());
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void aNameIsResolvedAtEachStart() throws Exception {
        try (TcpPeer peer = TcpPeer.start((s, p) -> p.hold(s))) {
            Probe probe =
                    monitor.prepare(spec("TCP/Telnet", "hostname", "localhost", "ipversion", "4", "port", port(peer)));
            for (List<Reply> r : startAndWait(probe, 3).values()) {
                assertTrue(r.get(0).ok(), r.get(0).reason());
                assertNull(r.get(0).value());
            }
        }
    }

    @Test
    void failuresAreThoseOfTheProbeItself() throws Exception {
        Reply refused = once(monitor.prepare(spec("TCP/SMTP", "port", TcpPeer.freePort())));
        assertEquals(
                await(monitor.probe(spec("TCP/SMTP", "port", TcpPeer.freePort())))
                        .reason(),
                refused.reason());
        assertEquals(
                "no IPv6 address",
                once(monitor.prepare(spec("TCP/SMTP", "ipversion", "6"))).reason());
        Reply otherMonitor = once(monitor.prepare(spec("TCP/URL", "url", "http://127.0.0.1/")));
        assertFalse(otherMonitor.ok());
        assertTrue(otherMonitor.reason().contains("another monitor"), otherMonitor.reason());
    }

    @Test
    void aReceiverThatThrowsEndsItsOwnProbeOnly() throws Exception {
        try (TcpPeer peer = TcpPeer.start(TcpPeer.says("220 ready\r\n"))) {
            Probe probe = monitor.prepare(spec("TCP/SMTP", "port", port(peer)));
            CountDownLatch thrown = new CountDownLatch(1);
            probe.start(thrown, (latch, reply) -> {
                latch.countDown();
                throw new IllegalStateException("the receiver's bug (expected in this test)");
            });
            assertTrue(thrown.await(20, TimeUnit.SECONDS));
            assertEquals("220 ready", once(probe).value());
            assertEquals(0, loop.inFlight());
        }
    }

    @Test
    void aClosedLoopRepliesShutDownAtOnce() {
        Probe probe = monitor.prepare(spec("TCP/SMTP", "port", "25"));
        loop.close();
        List<Reply> replies = new ArrayList<>();
        probe.start(replies, List::add);
        assertEquals(1, replies.size());
        assertEquals(NetLoop.SHUT_DOWN, replies.get(0).reason());
    }

    private static Reply once(Probe probe) throws Exception {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        probe.start(reply, CompletableFuture::complete);
        return reply.get(20, TimeUnit.SECONDS);
    }

    /** Starts the probe {@code count} times, each with its number as context; the replies by number. */
    private static Map<Integer, List<Reply>> startAndWait(Probe probe, int count) throws InterruptedException {
        Map<Integer, List<Reply>> replies = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            probe.start(i, (n, reply) -> {
                replies.computeIfAbsent(n, k -> new ArrayList<>()).add(reply);
                calls.incrementAndGet();
                all.countDown();
            });
        }
        assertTrue(all.await(20, TimeUnit.SECONDS), "replies " + calls.get() + " of " + count);
        return replies;
    }

    static String port(TcpPeer peer) {
        return Integer.toString(peer.port());
    }
}
