package org.argusee.probe.control.tcp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TcpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code TCP/SIP}: OPTIONS over a connection to a SIP responder on loopback that keeps it open, as servers do. */
class SipTcpMonitorTest {

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

    private static TcpPeer.Behaviour sip(String answer) {
        return (s, peer) -> {
            StringBuilder request = new StringBuilder();
            var in = s.getInputStream();
            while (request.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                request.append((char) b);
            }
            peer.requests.add(request.toString());
            s.getOutputStream().write(answer.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            peer.hold(s);
        };
    }

    @Test
    void optionsOverTcpIsAnswered() throws Exception {
        try (TcpPeer peer = TcpPeer.start(sip("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/SIP", "port", Integer.toString(peer.port()), "timeout", "5")));
            assertTrue(r.ok(), r.reason());
            assertTrue(r.value().startsWith("SIP/2.0 200"), r.value());
            assertTrue(peer.requests.get(0).startsWith("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP "));
        }
    }

    @Test
    void somethingElseFailsExpect() throws Exception {
        try (TcpPeer peer = TcpPeer.start(sip("HTTP/1.0 400 Bad Request\r\n\r\n"))) {
            Reply r = await(monitor.probe(spec("TCP/SIP", "port", Integer.toString(peer.port()), "timeout", "5")));
            assertFalse(r.ok());
            assertEquals("expect failed", r.reason());
        }
    }
}
