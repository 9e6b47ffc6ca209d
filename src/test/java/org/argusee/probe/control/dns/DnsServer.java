package org.argusee.probe.control.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.net.TcpPeer;
import org.xbill.DNS.Message;

/**
 * A DNS server for tests on 127.0.0.1, UDP and TCP on the same port, answering with what its {@link Answerer}
 * makes of each query. Answers may be held back for a while (a slow server) by a scheduler, not by sleeping.
 */
final class DnsServer implements AutoCloseable {

    /** One query as the server saw it. */
    record Asked(Message query, boolean tcp) {}

    interface Answerer {
        /**
         * The datagrams (UDP) or messages (TCP) to send back, in order; none for silence. Over UDP an answer
         * longer than 512 bytes must be truncated by the answerer ({@link Message#toWire(int)}).
         */
        List<byte[]> answer(Message query, boolean tcp) throws IOException;
    }

    final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final Answerer answerer;
    private final Duration delay;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-dns-later");
        t.setDaemon(true);
        return t;
    });
    private final Thread udpThread;
    private final Thread tcpThread;

    private DnsServer(Answerer answerer, Duration delay) throws IOException {
        this.answerer = answerer;
        this.delay = delay;
        DatagramSocket u = null;
        ServerSocket t = null;
        for (int attempt = 0; t == null; attempt++) {
            u = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try {
                t = new ServerSocket();
                t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), u.getLocalPort()));
            } catch (BindException e) {
                u.close(); // that port is taken for TCP: try another
                t = null;
                if (attempt > 20) {
                    throw e;
                }
            }
        }
        udp = u;
        tcp = t;
        udpThread = daemon(this::serveUdp, "test-dns-udp");
        tcpThread = daemon(this::serveTcp, "test-dns-tcp");
    }

    static DnsServer start(Answerer answerer) throws IOException {
        return new DnsServer(answerer, Duration.ZERO);
    }

    /** Answers only after {@code delay}. */
    static DnsServer slow(Answerer answerer, Duration delay) throws IOException {
        return new DnsServer(answerer, delay);
    }

    int port() {
        return udp.getLocalPort();
    }

    String portText() {
        return Integer.toString(port());
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
        later.shutdownNow();
        TcpPeer.join(udpThread);
        TcpPeer.join(tcpThread);
    }

    private void serveUdp() {
        byte[] buf = new byte[65536];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                Message query = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                asked.add(new Asked(query, false));
                SocketAddress client = p.getSocketAddress();
                for (byte[] d : answerer.answer(query, false)) {
                    send(() -> udp.send(new DatagramPacket(d, d.length, client)));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] request = new byte[in.readUnsignedShort()];
                in.readFully(request);
                Message query = new Message(request);
                asked.add(new Asked(query, true));
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                for (byte[] d : answerer.answer(query, true)) {
                    out.writeShort(d.length);
                    out.write(d);
                }
                out.flush();
            } catch (EOFException e) {
                // the client hung up
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    private void send(Io io) throws IOException {
        if (delay.isZero()) {
            io.run();
            return;
        }
        later.schedule(
                () -> {
                    try {
                        io.run();
                    } catch (IOException e) {
                        // the server was closed meanwhile
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
