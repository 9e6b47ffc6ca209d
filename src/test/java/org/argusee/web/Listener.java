package org.argusee.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP service on 127.0.0.1 that answers "OK ready" while open; closed, its port refuses connections, so the
 * service probing it goes down; opened again on the same port, it comes back up.
 */
final class Listener implements AutoCloseable {

    private final int port;
    private volatile ServerSocket socket;

    Listener() {
        socket = bind(0);
        port = socket.getLocalPort();
        serve(socket);
    }

    int port() {
        return port;
    }

    void open() {
        socket = bind(port);
        serve(socket);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private static void serve(ServerSocket s) {
        Thread acceptor = new Thread(
                () -> {
                    while (!s.isClosed()) {
                        try (Socket c = s.accept();
                                OutputStream out = c.getOutputStream()) {
                            out.write("OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException e) {
                            // closed by the test, or the prober hung up first: nothing to answer
                        }
                    }
                },
                "web-it-listener-" + s.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
