package org.argusee.probe.control.udp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;

/**
 * One UDP probe on the loop: send one datagram, wait for the answer from the target. The channel stays
 * unconnected so that {@code verify_response_ip: no} and {@code verify_response_port: no} can accept answers
 * from another address (a multi-homed server) as the original allows; with both on (the default) datagrams
 * from anyone else are ignored.
 */
public final class UdpExchange extends Exchange {

    /** Datagrams taken per wake-up, so a flood from strangers cannot hold the loop. */
    private static final int MAX_DATAGRAMS_PER_READY = 64;

    private final UdpProtocol protocol;
    private final byte[] request;
    private final boolean verifyIp;
    private final boolean verifyPort;
    private DatagramChannel channel;
    private SelectionKey key;
    private InetSocketAddress target;

    public UdpExchange(NetLoop loop, ProbeSpec spec, UdpProtocol protocol) {
        super(loop, spec);
        this.protocol = protocol;
        this.request = protocol.request(spec);
        verifyIp = spec.flag("verify_response_ip", true);
        verifyPort = spec.flag("verify_response_port", true);
    }

    @Override
    protected void begin(InetSocketAddress to) throws IOException {
        target = to;
        channel = own(DatagramChannel.open(
                to.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET));
        channel.configureBlocking(false);
        key = loop.register(channel, SelectionKey.OP_WRITE, this);
    }

    @Override
    protected void ready(SelectionKey k) throws IOException {
        if ((k.readyOps() & SelectionKey.OP_WRITE) != 0) {
            // 0 means no room in the send buffer: stay registered for writing and try again
            if (channel.send(ByteBuffer.wrap(request), target) > 0) {
                key.interestOps(SelectionKey.OP_READ);
            }
            return;
        }
        for (int i = 0; i < MAX_DATAGRAMS_PER_READY && !isDone(); i++) {
            ByteBuffer buf = loop.scratch();
            SocketAddress from = channel.receive(buf);
            if (from == null) {
                return;
            }
            if (fromTarget(from)) {
                byte[] reply = new byte[buf.flip().remaining()];
                buf.get(reply);
                answer(reply);
            }
        }
    }

    @Override
    protected String timeoutReason() {
        return "no response";
    }

    private void answer(byte[] reply) {
        UdpProtocol.Answer a = protocol.check(request, reply);
        switch (a.outcome()) {
            case MATCH -> conclude(protocol.value(reply));
            case BAD -> fail(a.reason());
            case NOT_OURS -> {
                // keep waiting for ours
            }
        }
    }

    private boolean fromTarget(SocketAddress from) {
        if (!(from instanceof InetSocketAddress sender)) {
            return false;
        }
        return (!verifyIp || sender.getAddress().equals(target.getAddress()))
                && (!verifyPort || sender.getPort() == target.getPort());
    }
}
