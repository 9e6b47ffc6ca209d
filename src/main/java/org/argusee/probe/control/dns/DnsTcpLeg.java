package org.argusee.probe.control.dns;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The request over TCP (RFC 1035 4.2.2: each message preceded by its length in two bytes): for {@code TCP/DNS},
 * AXFR, and the retry of a truncated UDP answer. Only the first message is read; an AXFR's later ones are not
 * wanted.
 */
final class DnsTcpLeg implements DnsLeg {

    private final DnsExchange exchange;
    private final ByteBuffer out;
    private final ByteBuffer length = ByteBuffer.allocate(2);
    private ByteBuffer body;
    private SocketChannel channel;
    private SelectionKey key;

    DnsTcpLeg(DnsExchange exchange, byte[] request) {
        this.exchange = exchange;
        out = ByteBuffer.allocate(2 + request.length);
        out.putShort((short) request.length).put(request).flip();
    }

    @Override
    public void open(InetSocketAddress target) throws IOException {
        channel = exchange.legOwns(SocketChannel.open(
                target.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET));
        channel.configureBlocking(false);
        if (channel.connect(target)) {
            write();
        } else {
            interest(SelectionKey.OP_CONNECT);
        }
    }

    @Override
    public void ready(SelectionKey k) throws IOException {
        int ops = k.readyOps();
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            if (channel.finishConnect()) {
                write();
            }
        } else if ((ops & SelectionKey.OP_WRITE) != 0) {
            write();
        } else if ((ops & SelectionKey.OP_READ) != 0) {
            read();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the exchange has its answer; nothing depends on this close
        }
    }

    private void write() throws IOException {
        channel.write(out);
        interest(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read() throws IOException {
        ByteBuffer into = body == null ? length : body;
        if (channel.read(into) < 0) {
            exchange.legFailed("connection closed");
            return;
        }
        if (body == null && !length.hasRemaining()) {
            int size = length.flip().getShort() & 0xffff;
            if (size == 0) {
                exchange.legFailed("bad DNS response");
                return;
            }
            body = ByteBuffer.allocate(size);
            channel.read(body);
        }
        if (body != null && !body.hasRemaining()) {
            exchange.received(body.array(), this);
        }
    }

    private void interest(int ops) throws IOException {
        if (key == null) {
            key = exchange.legLoop().register(channel, ops, exchange);
        } else {
            key.interestOps(ops);
        }
    }
}
