package org.argusee.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP service on 127.0.0.1 that the test makes healthy ("OK ready") or sick ("BAD"): services probing it with
 * {@code expect: ^OK} go up and down with it, without the port changing.
 */
public final class TestListener implements AutoCloseable {

    private final ServerSocket socket;
    private volatile boolean healthy;

    public TestListener(boolean healthy) {
        this.healthy = healthy;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::serve, "status-it-listener-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept();
                    OutputStream out = s.getOutputStream()) {
                out.write((healthy ? "OK ready\r\n" : "BAD\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed by the test, or the prober hung up first: nothing to answer
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
