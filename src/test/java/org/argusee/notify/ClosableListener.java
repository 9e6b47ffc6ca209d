package org.argusee.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP listener on 127.0.0.1 answering "OK" that the test closes (the port refuses: the service goes down) and
 * opens again on the same port (it comes back up).
 */
final class ClosableListener implements AutoCloseable {

    private final int port;
    private volatile ServerSocket socket;

    ClosableListener() {
        open(0);
        port = socket.getLocalPort();
    }

    int port() {
        return port;
    }

    synchronized void reopen() {
        open(port);
    }

    private void open(int on) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
            socket = s;
            Thread acceptor = new Thread(() -> serve(s), "notify-it-listener-" + s.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(ServerSocket s) {
        while (!s.isClosed()) {
            try (Socket c = s.accept();
                    OutputStream out = c.getOutputStream()) {
                out.write("OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed by the test, or the prober hung up first
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
