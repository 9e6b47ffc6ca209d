package org.argusee.probe.control.tcp;

import static org.argusee.probe.control.Probes.await;
import static org.argusee.probe.control.Probes.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.TcpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code TCP/Asterisk} and {@code TCP/Freeswitch} against small managers on loopback that read the whole script
 * (to the logoff or exit), answer each step and close, as the real ones do.
 */
class ManagerMonitorTest {

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
    void asteriskLogsInRunsTheCommandAndLogsOff() throws Exception {
        String answer = "Asterisk Call Manager/5.0\r\nResponse: Success\r\nMessage: Authentication accepted\r\n\r\n"
                + "Response: Follows\r\nPrivilege: Command\r\n1 active call\r\n--END COMMAND--\r\n\r\n"
                + "Response: Goodbye\r\n\r\n";
        try (TcpPeer ami = TcpPeer.start(TcpPeer.answers("Action: Logoff\r\n\r\n", answer))) {
            Reply r = await(monitor.probe(spec(
                    "TCP/Asterisk",
                    "port",
                    Integer.toString(ami.port()),
                    "user",
                    "watch",
                    "pass",
                    "s3cret",
                    "cmd",
                    "core show channels",
                    "expect",
                    "Authentication accepted")));
            assertTrue(r.ok(), r.reason());
            assertTrue(r.value().contains("1 active call"), r.value());
            assertEquals(
                    List.of("Action: Login\r\nUsername: watch\r\nSecret: s3cret\r\n\r\n"
                            + "Action: Command\r\nCommand: core show channels\r\n\r\nAction: Logoff\r\n\r\n"),
                    ami.requests);
        }
    }

    @Test
    void aRefusedAsteriskLoginFailsExpect() throws Exception {
        String answer = "Asterisk Call Manager/5.0\r\nResponse: Error\r\nMessage: Authentication failed\r\n\r\n";
        try (TcpPeer ami = TcpPeer.start(TcpPeer.answers("Action: Logoff\r\n\r\n", answer))) {
            Reply r = await(monitor.probe(spec(
                    "TCP/Asterisk",
                    "port",
                    Integer.toString(ami.port()),
                    "user",
                    "x",
                    "pass",
                    "y",
                    "expect",
                    "Response: Success")));
            assertFalse(r.ok());
        }
    }

    @Test
    void freeswitchAuthenticatesRunsTheApiAndExits() throws Exception {
        String answer = "Content-Type: auth/request\n\nContent-Type: command/reply\nReply-Text: +OK accepted\n\n"
                + "Content-Type: api/response\nContent-Length: 8\n\nUP 0 d\n\n"
                + "Content-Type: command/reply\nReply-Text: +OK bye\n\n";
        try (TcpPeer esl = TcpPeer.start(TcpPeer.answers("exit\r\n", answer))) {
            Reply r = await(monitor.probe(spec(
                    "TCP/Freeswitch",
                    "port",
                    Integer.toString(esl.port()),
                    "cmd",
                    "status",
                    "expect",
                    "\\+OK accepted")));
            assertTrue(r.ok(), r.reason());
            assertEquals(List.of("auth ClueCon\r\n\r\napi status\r\n\r\nexit\r\n"), esl.requests);
        }
    }

    @Test
    void aValueThatWouldEndItsLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> spec("TCP/Asterisk", "cmd", "x\r\nAction: Originate"));
        assertEquals("auth pw\r\n\r\nexit\r\n", ManagerScripts.freeswitch(java.util.Map.of("pass", "pw")));
    }
}
