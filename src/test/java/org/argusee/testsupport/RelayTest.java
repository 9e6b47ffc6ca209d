package org.argusee.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay between a real client and a real echo server on 127.0.0.1. */
class RelayTest {

    ServerSocket echo;
    Relay relay;

    @BeforeEach
    void echoServerBehindARelay() throws IOException {
        echo = new ServerSocket();
        echo.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::echoAll, "echo");
        acceptor.setDaemon(true);
        acceptor.start();
        relay = Relay.to(echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        relay.close();
        echo.close();
    }

    @Test
    void openRelayPassesBytesBothWays() throws IOException {
        try (Socket s = connect()) {
            assertEquals("hello", roundTrip(s, "hello"));
            assertEquals("again", roundTrip(s, "again"));
        }
    }

    @Test
    void countsThePayloadBytesEachWay() throws IOException {
        try (Socket s = connect()) {
            assertEquals("hello", roundTrip(s, "hello"));
            assertEquals("abc", roundTrip(s, "abc"));
        }
        // the client can read a reply before the relay's thread has added it up
        Eventually.await(
                "10 bytes counted each way",
                Duration.ofSeconds(5),
                () -> relay.bytesToTarget() == 10 && relay.bytesFromTarget() == 10);
    }

    @Test
    void cutLinkAnswersNothingAndDeliversWhatItHeldWhenOpenedAgain() throws IOException {
        try (Socket before = connect()) {
            assertEquals("up", roundTrip(before, "up"));
            relay.cut();
            send(before, "held");
            before.setSoTimeout(300);
            BufferedReader in = reader(before);
            assertThrows(SocketTimeoutException.class, in::readLine, "a cut link answers nothing");
            try (Socket during = connect()) {
                during.setSoTimeout(300);
                send(during, "new");
                assertThrows(SocketTimeoutException.class, reader(during)::readLine, "nor a new connection");
            }
            relay.open();
            before.setSoTimeout(5000);
            assertEquals("held", in.readLine(), "what was sent while cut arrives once the link heals");
        }
    }

    @Test
    void resetEndsOpenConnectionsAndRefusesNewOnes() throws IOException {
        try (Socket before = connect()) {
            assertEquals("up", roundTrip(before, "up"));
            relay.reset();
            before.setSoTimeout(5000);
            assertTrue(ended(before), "an open connection is reset");
            try (Socket during = connect()) {
                during.setSoTimeout(5000);
                assertTrue(ended(during), "a new connection is reset");
            }
            relay.open();
            try (Socket after = connect()) {
                assertEquals("back", roundTrip(after, "back"));
            }
        }
    }

    @Test
    void connectionToADeadTargetIsEnded() throws IOException {
        // a port that listened once and is closed, with no thread in accept: closing a server socket while a
        // thread waits in accept lets the kernel take connections a little longer, which made this flaky
        int dead;
        try (ServerSocket gone = new ServerSocket()) {
            gone.bind(new InetSocketAddress("127.0.0.1", 0));
            dead = gone.getLocalPort();
        }
        try (Relay toDead = Relay.to(dead);
                Socket s = new Socket("127.0.0.1", toDead.port())) {
            s.setSoTimeout(5000);
            assertTrue(ended(s));
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", relay.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static String roundTrip(Socket s, String line) throws IOException {
        send(s, line);
        return reader(s).readLine();
    }

    private static void send(Socket s, String line) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A reader that buffers nothing beyond the line it returns, so each call sees the socket as it is. */
    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8), 1);
    }

    private static boolean ended(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (IOException reset) {
            return !(reset instanceof SocketTimeoutException);
        }
    }

    private void echoAll() {
        while (!echo.isClosed()) {
            try {
                Socket s = echo.accept();
                Thread t = new Thread(
                        () -> {
                            try (s) {
                                s.getInputStream().transferTo(s.getOutputStream());
                            } catch (IOException e) {
                                // the client went away
                            }
                        },
                        "echo-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed after the test
            }
        }
    }
}
