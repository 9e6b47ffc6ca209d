package org.argusee.probe.control.rpc;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.argusee.probe.control.net.TcpPeer;

/**
 * A small portmapper (versions 2, 3 and 4) and one RPC program, over UDP and TCP on 127.0.0.1, for tests. The
 * program is registered with the versions given; it answers the NULL procedure of those versions, a version
 * mismatch for others and "program unavailable" for other programs. Over TCP the portmapper answers and closes,
 * the program answers and keeps the connection open (only the record mark can end the read).
 */
final class PortmapPeer implements AutoCloseable {

    /** Every call the portmapper got: program, version and procedure, then the lookup's arguments. */
    final List<ByteBuffer> lookups = new CopyOnWriteArrayList<>();

    private final int program;
    private final List<Integer> versions;
    private final boolean registered;
    private final DatagramSocket udpPortmap;
    private final DatagramSocket udpProgram;
    private final ServerSocket tcpPortmap;
    private final ServerSocket tcpProgram;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    PortmapPeer(int program, boolean registered, Integer... versions) throws IOException {
        this.program = program;
        this.registered = registered;
        this.versions = List.of(versions);
        InetAddress lo = InetAddress.getLoopbackAddress();
        udpPortmap = new DatagramSocket(new InetSocketAddress(lo, 0));
        udpProgram = new DatagramSocket(new InetSocketAddress(lo, 0));
        tcpPortmap = new ServerSocket(0, 50, lo);
        tcpProgram = new ServerSocket(0, 50, lo);
        serveUdp(udpPortmap, true);
        serveUdp(udpProgram, false);
        serveTcp(tcpPortmap, true);
        serveTcp(tcpProgram, false);
    }

    /** The port both portmappers listen on is not the same number over UDP and TCP: each has its own. */
    int portmapPort(boolean tcp) {
        return tcp ? tcpPortmap.getLocalPort() : udpPortmap.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        udpPortmap.close();
        udpProgram.close();
        tcpPortmap.close();
        tcpProgram.close();
        for (Socket s : held) {
            s.close();
        }
        threads.forEach(TcpPeer::join);
    }

    private void serveUdp(DatagramSocket socket, boolean portmap) {
        start(() -> {
            byte[] buf = new byte[9000];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] answer = answer(Arrays.copyOf(p.getData(), p.getLength()), portmap, false);
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            }
        });
    }

    private void serveTcp(ServerSocket server, boolean portmap) {
        start(() -> {
            while (!server.isClosed()) {
                Socket s = server.accept();
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] call = new byte[in.readInt() & 0x7FFFFFFF];
                in.readFully(call);
                byte[] answer = answer(call, portmap, true);
                s.getOutputStream()
                        .write(ByteBuffer.allocate(4 + answer.length)
                                .putInt(0x80000000 | answer.length)
                                .put(answer)
                                .array());
                if (portmap) {
                    s.close();
                } else {
                    held.add(s);
                }
            }
        });
    }

    private byte[] answer(byte[] call, boolean portmap, boolean tcp) {
        ByteBuffer c = ByteBuffer.wrap(call);
        int xid = c.getInt();
        c.position(12);
        int prog = c.getInt();
        int vers = c.getInt();
        int proc = c.getInt();
        skipOpaqueAuth(c); // credentials
        skipOpaqueAuth(c); // verifier
        if (portmap) {
            lookups.add(ByteBuffer.allocate(12 + c.remaining())
                    .putInt(prog)
                    .putInt(vers)
                    .putInt(proc)
                    .put(c.slice())
                    .flip());
            return reply(xid, 0, lookup(c, vers, tcp));
        }
        if (prog != program) {
            return reply(xid, 1, new byte[0]);
        }
        if (!versions.contains(vers)) {
            int low = versions.stream().min(Integer::compare).orElseThrow();
            int high = versions.stream().max(Integer::compare).orElseThrow();
            return reply(xid, 2, ByteBuffer.allocate(8).putInt(low).putInt(high).array());
        }
        return reply(xid, 0, new byte[0]);
    }

    /** GETPORT (version 2) answers a port; GETADDR (3, 4) a universal address, empty when not registered. */
    private byte[] lookup(ByteBuffer args, int portmapVersion, boolean tcp) {
        int prog = args.getInt();
        int programPort = tcp ? tcpProgram.getLocalPort() : udpProgram.getLocalPort();
        int port = registered && prog == program ? programPort : 0;
        if (portmapVersion == 2) {
            return ByteBuffer.allocate(4).putInt(port).array();
        }
        String uaddr = port == 0 ? "" : "127.0.0.1." + (port >> 8) + "." + (port & 0xFF);
        byte[] text = uaddr.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + ((text.length + 3) & ~3))
                .putInt(text.length)
                .put(text)
                .array();
    }

    private static void skipOpaqueAuth(ByteBuffer c) {
        c.getInt(); // flavour
        int length = c.getInt();
        c.position(c.position() + ((length + 3) & ~3));
    }

    private static byte[] reply(int xid, int acceptStat, byte[] body) {
        return ByteBuffer.allocate(24 + body.length)
                .putInt(xid)
                .putInt(1)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(acceptStat)
                .put(body)
                .array();
    }

    private interface Loop {
        void run() throws IOException;
    }

    private void start(Loop loop) {
        Thread t = new Thread(
                () -> {
                    try {
                        loop.run();
                    } catch (IOException e) {
                        // closed by the test: the peer's life is over
                    }
                },
                "test-portmap-peer");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }
}
