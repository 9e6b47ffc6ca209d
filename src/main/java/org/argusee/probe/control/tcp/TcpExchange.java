package org.argusee.probe.control.tcp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Predicate;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.net.ReadHow;
import org.argusee.probe.control.net.TlsContext;
import org.argusee.probe.control.net.TlsLink;
import org.argusee.probe.control.net.TlsOptions;

/**
 * One TCP probe as a state machine on the loop: connect, the TLS handshake when the spec says {@code ssl},
 * send, read per {@code readhow}, expect. Over TLS the same send and read run through a {@link TlsLink}.
 */
public final class TcpExchange extends Exchange {

    private enum Phase {
        CONNECT,
        HANDSHAKE,
        SEND,
        READ
    }

    private final ByteBuffer out;
    private final Received in = new Received();
    private final TlsOptions tlsOptions;
    /** Fed every chunk read; true when the message is whole although the peer keeps the connection open. */
    private final Predicate<ByteBuffer> whole;

    private SocketChannel channel;
    private SelectionKey key;
    private TlsLink tls;
    private volatile Phase phase = Phase.CONNECT;
    private volatile X509Certificate certificate;

    public TcpExchange(NetLoop loop, ProbeSpec spec, TlsOptions tlsOptions, Predicate<ByteBuffer> whole) {
        super(loop, spec);
        out = spec.send() == null ? null : ByteBuffer.wrap(spec.send().getBytes(StandardCharsets.ISO_8859_1));
        this.tlsOptions = tlsOptions;
        this.whole = whole;
    }

    /** The server's certificate once the handshake is done; null before, or without TLS. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    protected void begin(InetSocketAddress target) throws IOException {
        channel = own(SocketChannel.open(
                target.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET));
        channel.configureBlocking(false);
        if (channel.connect(target)) {
            connected();
        } else {
            interest(SelectionKey.OP_CONNECT);
        }
    }

    @Override
    protected void ready(SelectionKey k) throws IOException {
        switch (phase) {
            case CONNECT -> {
                if (channel.finishConnect()) {
                    connected();
                }
            }
            case HANDSHAKE -> handshake();
            case SEND -> write();
            case READ -> {
                if (tls != null && k.isWritable() && tls.flush()) {
                    interest(SelectionKey.OP_READ);
                }
                read();
            }
        }
    }

    @Override
    protected String timeoutReason() {
        return phase == Phase.HANDSHAKE ? "timeout in TLS handshake" : "timeout";
    }

    private void connected() throws IOException {
        if (spec.ssl()) {
            phase = Phase.HANDSHAKE;
            handshake();
        } else {
            send();
        }
    }

    private void handshake() throws IOException {
        int ops;
        try {
            if (tls == null) {
                tls = new TlsLink(TlsContext.engine(spec.hostname()), channel);
            }
            ops = tls.handshake(loop.scratch());
        } catch (IOException e) {
            fail(TlsLink.handshakeFailure(e));
            return;
        }
        if (ops != 0) {
            interest(ops);
            return;
        }
        certificate = tls.peerCertificate();
        String problem = tlsOptions.problem(certificate, Instant.now());
        if (problem != null) {
            fail(problem);
        } else {
            send();
        }
    }

    private void send() throws IOException {
        phase = Phase.SEND;
        if (out != null) {
            write();
        } else {
            sent();
        }
    }

    private void write() throws IOException {
        boolean done;
        if (tls != null) {
            done = tls.write(out);
        } else {
            channel.write(out);
            done = !out.hasRemaining();
        }
        if (done) {
            sent();
        } else {
            interest(SelectionKey.OP_WRITE);
        }
    }

    private void sent() throws IOException {
        if (spec.reads()) {
            phase = Phase.READ;
            interest(SelectionKey.OP_READ);
            if (tls != null) {
                read(); // records may already be in, read with the handshake's last flight
            }
        } else {
            done(null);
        }
    }

    private void read() throws IOException {
        while (!isDone()) {
            ByteBuffer buf = loop.scratch();
            int n;
            if (tls == null) {
                n = channel.read(buf.limit(Math.min(buf.capacity(), in.room())));
            } else {
                n = tls.read(buf); // a whole record must fit; what exceeds the cap is dropped below
                if (tls.pendingOutput()) {
                    interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
            }
            if (n < 0) {
                endOfStream();
                return;
            }
            if (n == 0) {
                return;
            }
            int from = in.size();
            buf.flip();
            boolean complete = whole != null && whole.test(buf.duplicate());
            in.append(buf);
            tested(from, complete);
        }
    }

    private void tested(int from, boolean complete) {
        switch (spec.readhow()) {
            case ONCE -> done(in.text());
            case BANNER -> {
                if (in.indexOf((byte) '\n', from) >= 0 || in.full()) {
                    done(in.banner());
                }
            }
            case TOEOF -> {
                if (in.full() || complete) {
                    done(in.text()); // capped: the rest is not wanted
                }
            }
        }
    }

    /** A peer that hangs up at once is down (tcpwrappers, an overloaded daemon); one that said something is tested. */
    private void endOfStream() {
        if (in.size() == 0) {
            fail("connection closed");
        } else {
            done(spec.readhow() == ReadHow.BANNER ? in.banner() : in.text());
        }
    }

    /**
     * The exchange is over: test what was read. With {@code ssl_value: days} the spec's expect (the application's
     * own rule) still applies to what was read, and the days left become the value.
     */
    private void done(String read) {
        if (tls != null) {
            tls.closeQuietly();
        }
        if (!tlsOptions.daysValue()) {
            if (read == null) {
                finish(Reply.ok(null, elapsed()));
            } else {
                conclude(read);
            }
        } else if (certificate == null) {
            fail(spec.ssl() ? "no server certificate" : "ssl_value needs TLS: set ssl: yes");
        } else if (read != null
                && spec.expect() != null
                && !spec.expect().matcher(read).find()) {
            fail("expect failed");
        } else {
            finish(Reply.ok(Long.toString(TlsOptions.daysLeft(certificate, Instant.now())), elapsed()));
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
