package org.argusee.probe.control;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** One TCP probe as a state machine on the loop: connect, send, read per {@code readhow}, expect. */
final class TcpExchange extends Exchange {

    private final ByteBuffer out;
    private final Received in = new Received();
    private SocketChannel channel;
    private SelectionKey key;

    TcpExchange(NetLoop loop, ProbeSpec spec) {
        super(loop, spec);
        out = spec.send() == null ? null : ByteBuffer.wrap(spec.send().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    void begin(InetSocketAddress target) throws IOException {
        channel = own(SocketChannel.open(target.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET));
        channel.configureBlocking(false);
        if (channel.connect(target)) {
            connected();
        } else {
            interest(SelectionKey.OP_CONNECT);
        }
    }

    @Override
    void ready(SelectionKey k) throws IOException {
        int ops = k.readyOps();
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            if (channel.finishConnect()) {
                connected();
            }
        } else if ((ops & SelectionKey.OP_WRITE) != 0) {
            write();
        } else if ((ops & SelectionKey.OP_READ) != 0) {
            read();
        }
    }

    private void connected() throws IOException {
        if (out != null) {
            write();
        } else {
            sent();
        }
    }

    private void write() throws IOException {
        channel.write(out);
        if (out.hasRemaining()) {
            interest(SelectionKey.OP_WRITE);
        } else {
            sent();
        }
    }

    private void sent() throws IOException {
        if (spec.reads()) {
            interest(SelectionKey.OP_READ);
        } else {
            finish(Reply.ok(null, elapsed()));
        }
    }

    private void read() throws IOException {
        ByteBuffer buf = loop.scratch();
        buf.limit(Math.min(buf.capacity(), in.room()));
        int n = channel.read(buf);
        if (n < 0) {
            endOfStream();
            return;
        }
        if (n == 0) {
            return;
        }
        int from = in.size();
        in.append(buf.flip());
        switch (spec.readhow()) {
            case ONCE -> conclude(in.text());
            case BANNER -> {
                if (in.indexOf((byte) '\n', from) >= 0 || in.full()) {
                    conclude(in.firstLine());
                }
            }
            case TOEOF -> {
                if (in.full()) {
                    conclude(in.text()); // capped: the rest is not wanted
                }
            }
        }
    }

    /** A peer that hangs up at once is down (tcpwrappers, an overloaded daemon); one that said something is tested. */
    private void endOfStream() {
        if (in.size() == 0) {
            fail("connection closed");
        } else {
            conclude(spec.readhow() == ReadHow.BANNER ? in.firstLine() : in.text());
        }
    }

    private void interest(int ops) throws IOException {
        if (key == null) {
            key = loop.register(channel, ops, this);
        } else {
            key.interestOps(ops);
        }
    }
}
