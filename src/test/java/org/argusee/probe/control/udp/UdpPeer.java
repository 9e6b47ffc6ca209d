package org.argusee.probe.control.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.argusee.probe.control.net.TcpPeer;

/** A blocking UDP server on 127.0.0.1 for tests, with a second socket to answer from the wrong port. */
final class UdpPeer implements AutoCloseable {

    interface Responder {
        /** {@code main} answers from the probed port, {@code other} from another one. */
        void respond(byte[] request, Sender main, Sender other) throws IOException;
    }

    interface Sender {
        void send(byte[] data) throws IOException;
    }

    final List<byte[]> requests = new CopyOnWriteArrayList<>();
    private final DatagramSocket socket;
    private final DatagramSocket other;
    private final Thread thread;

    private UdpPeer(Responder responder) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(() -> serve(responder), "test-udp-peer");
        thread.setDaemon(true);
        thread.start();
    }

    static UdpPeer start(Responder responder) throws IOException {
        return new UdpPeer(responder);
    }

    /** Answers every request from the probed port with what {@code answer} makes of it. */
    static UdpPeer answering(java.util.function.UnaryOperator<byte[]> answer) throws IOException {
        return start((request, main, other) -> main.send(answer.apply(request)));
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
        other.close();
        TcpPeer.join(thread);
    }

    private void serve(Responder responder) {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] request = Arrays.copyOf(p.getData(), p.getLength());
                requests.add(request);
                SocketAddress client = p.getSocketAddress();
                responder.respond(
                        request,
                        d -> socket.send(new DatagramPacket(d, d.length, client)),
                        d -> other.send(new DatagramPacket(d, d.length, client)));
            } catch (IOException e) {
                return; // closed
            }
        }
    }
}
