package org.argusee.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP link on 127.0.0.1 that a test can cut, to part two servers without touching either: give one server the
 * relay's port where it would have the other's (a slave's argus.darp.master.url), then {@link #cut} or
 * {@link #reset} the link, and {@link #open} it again. Each connection costs two threads; tests open few.
 */
public final class Relay implements AutoCloseable {

    /** What the link does with traffic. */
    public enum Mode {
        /** Bytes pass both ways. */
        OPEN,
        /**
         * Nothing passes, connections stay up and new ones are accepted: callers wait for their timeouts, as across
         * a network partition. Bytes already sent are held, and delivered if the link opens again (as TCP would).
         */
        CUT,
        /** Every connection is reset at once: callers fail fast, as against a stopped server. */
        RESET
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesToTarget = new AtomicLong();
    private final AtomicLong bytesFromTarget = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Object modeChange = new Object();
    private volatile Mode mode = Mode.OPEN;

    private Relay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** A relay on a free port of 127.0.0.1 to {@code targetPort} on 127.0.0.1, open. */
    public static Relay to(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            Relay relay = new Relay(listener, targetPort);
            daemon("relay-accept-" + listener.getLocalPort(), relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** http://127.0.0.1:(port)/, to put where a server would have the target's URL. */
    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port() + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * TCP payload bytes passed so far from the caller to the target, over all connections (HTTP and WebSocket
     * framing included, TCP/IP headers not): what a benchmark divides by the messages it sent.
     */
    public long bytesToTarget() {
        return bytesToTarget.get();
    }

    /** TCP payload bytes passed so far from the target back to callers. */
    public long bytesFromTarget() {
        return bytesFromTarget.get();
    }

    /** Connections passed to the target so far (how many a client opened, say one per SMTP session). */
    public long connections() {
        return connections.get();
    }

    public Mode mode() {
        return mode;
    }

    public void open() {
        set(Mode.OPEN);
    }

    /** From now on nothing passes either way, until {@link #open}; see {@link Mode#CUT}. */
    public void cut() {
        set(Mode.CUT);
    }

    /** Resets every connection now and each new one, until {@link #open}. */
    public void reset() {
        set(Mode.RESET);
        sockets.forEach(this::abort);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reset();
        }
    }

    private void set(Mode newMode) {
        synchronized (modeChange) {
            mode = newMode;
            modeChange.notifyAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.RESET) {
                    abort(client);
                } else {
                    connect(client);
                }
            } catch (IOException e) {
                // the listener was closed: the loop ends
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket server = new Socket("127.0.0.1", targetPort);
            if (server.getLocalPort() == targetPort) {
                // nothing listens and the kernel gave the target's port as our own: a socket connected to itself
                abort(server);
                throw new IOException("target down");
            }
            sockets.add(client);
            sockets.add(server);
            connections.incrementAndGet();
            daemon("relay-up-" + port(), () -> pump(client, server, bytesToTarget));
            daemon("relay-down-" + port(), () -> pump(server, client, bytesFromTarget));
        } catch (IOException e) {
            // the target is down: the caller sees its connection reset, as it would see it refused
            abort(client);
        }
    }

    /** Copies until either side ends; while the link is cut, holds what it read (the rest stays in the kernel). */
    private void pump(Socket from, Socket to, AtomicLong passed) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0 && passes(); n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
                passed.addAndGet(n);
            }
        } catch (IOException e) {
            // a reset or a closed peer ends this direction; the other side is ended below
        } finally {
            abort(from);
            abort(to);
        }
    }

    /** Waits while the link is cut; false once it is reset. */
    private boolean passes() {
        synchronized (modeChange) {
            while (mode == Mode.CUT) {
                try {
                    modeChange.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return mode == Mode.OPEN;
        }
    }

    /** Closes with SO_LINGER 0, which sends a TCP reset rather than an orderly end. */
    private void abort(Socket socket) {
        sockets.remove(socket);
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (SocketException e) {
            // already closed
        } catch (IOException e) {
            // nothing more can be done with this socket
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
