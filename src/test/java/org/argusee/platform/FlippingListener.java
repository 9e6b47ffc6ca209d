package org.argusee.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A TCP port on 127.0.0.1 that a test opens and closes, so the TCP service probing it goes up and down on demand:
 * while open the kernel accepts connections (up), while closed it refuses them (down). Each flip is one transition.
 */
final class FlippingListener implements AutoCloseable {

    private final int port;
    private ServerSocket socket;

    FlippingListener() {
        socket = open(0);
        port = socket.getLocalPort();
    }

    int port() {
        return port;
    }

    boolean isOpen() {
        return socket != null;
    }

    /** Opens a closed port, closes an open one; answers the status the service should show next. */
    String flip() {
        if (socket == null) {
            socket = open(port);
            return "up";
        }
        close();
        return "down";
    }

    private static ServerSocket open(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            socket = null;
        }
    }
}
