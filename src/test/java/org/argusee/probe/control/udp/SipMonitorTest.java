package org.argusee.probe.control.udp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.SipOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code UDP/SIP}: an OPTIONS request to a small SIP responder on loopback; the answer is the value. */
class SipMonitorTest {

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

    /** A SIP server's answer: 200 OK with the request's Call-ID. */
    static byte[] ok(byte[] request) {
        String callId = SipOptions.callId(new String(request, StandardCharsets.ISO_8859_1));
        return ("SIP/2.0 200 OK\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void optionsIsAnswered() throws Exception {
        try (UdpPeer peer = UdpPeer.answering(SipMonitorTest::ok)) {
            Reply r = await(monitor.probe(spec(
                    "UDP/SIP",
                    "port",
                    Integer.toString(peer.port()),
                    "to",
                    "sip:100@127.0.0.1",
                    "from",
                    "sip:watch@127.0.0.1",
                    "useragent",
                    "Test/1")));
            assertTrue(r.ok(), r.reason());
            assertTrue(r.value().startsWith("SIP/2.0 200 OK"), r.value());
            String request = new String(peer.requests.get(0), StandardCharsets.ISO_8859_1);
            assertTrue(request.startsWith("OPTIONS sip:100@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP "), request);
            assertTrue(request.contains("\r\nFrom: <sip:watch@127.0.0.1>;tag="), request);
            assertTrue(request.contains("\r\nUser-Agent: Test/1\r\n"), request);
            assertTrue(request.endsWith("\r\n\r\n"), request);
        }
    }

    @Test
    void anAnswerToAnotherCallIsNotOurs() throws Exception {
        try (UdpPeer peer = UdpPeer.start((request, main, other) -> {
            main.send("SIP/2.0 200 OK\r\nCall-ID: someone-else\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            main.send(ok(request));
        })) {
            Reply r = await(monitor.probe(spec("UDP/SIP", "port", Integer.toString(peer.port()))));
            assertTrue(r.ok(), r.reason());
            assertEquals(
                    SipOptions.callId(new String(peer.requests.get(0), StandardCharsets.ISO_8859_1)),
                    SipOptions.callId(r.value()));
            String request = new String(peer.requests.get(0), StandardCharsets.ISO_8859_1);
            assertTrue(request.startsWith("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"), "to defaults to the host: " + request);
        }
    }
}
