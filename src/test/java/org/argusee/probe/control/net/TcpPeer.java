package org.argusee.probe.control.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A blocking TCP server on 127.0.0.1 for tests; each connection is served on the accept thread. */
public final class TcpPeer implements AutoCloseable {

    public interface Behaviour {
        void serve(Socket socket, TcpPeer peer) throws IOException;
    }

    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger accepted = new AtomicInteger();
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private TcpPeer(ServerSocket server, Behaviour behaviour) {
        this.server = server;
        thread = new Thread(() -> acceptLoop(behaviour), "test-tcp-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public static TcpPeer start(Behaviour behaviour) throws IOException {
        return new TcpPeer(new ServerSocket(0, 4096, InetAddress.getLoopbackAddress()), behaviour);
    }

    /** On a server socket made by the test, e.g. a TLS one. */
    public static TcpPeer start(ServerSocket server, Behaviour behaviour) {
        return new TcpPeer(server, behaviour);
    }

    /** Says {@code text} and keeps the connection open, so only the banner rule can end the read. */
    public static Behaviour says(String text) {
        return (s, peer) -> {
            s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            peer.hold(s);
        };
    }

    /** Reads the request up to {@code end}, records it, answers and closes. */
    public static Behaviour answers(String end, String answer) {
        return (s, peer) -> {
            try (s) {
                peer.requests.add(readUntil(s.getInputStream(), end));
                s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    /** Greets with {@code 220 ready} and closes. */
    public static Behaviour greetsAndCloses() {
        return (s, peer) -> {
            try (s) {
                s.getOutputStream().write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    /** Says nothing; counts down when the prober has closed the connection. */
    public static Behaviour countsTheEnd(java.util.concurrent.CountDownLatch ended) {
        return (s, peer) -> {
            try (s) {
                if (s.getInputStream().read() < 0) {
                    ended.countDown();
                }
            }
        };
    }

    public int port() {
        return server.getLocalPort();
    }

    public void hold(Socket s) {
        held.add(s);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
        join(thread);
    }

    public static void join(Thread thread) {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(Behaviour behaviour) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                try {
                    behaviour.serve(s, this);
                } catch (IOException e) {
                    s.close(); // the client went away first: expected in cap and timeout tests
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            got.write(b);
            if (got.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
                break;
            }
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** A port nobody listens on: bound by us, then released. */
    public static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(s.getLocalPort());
        }
    }
}
