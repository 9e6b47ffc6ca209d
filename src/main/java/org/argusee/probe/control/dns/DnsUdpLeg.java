package org.argusee.probe.control.dns;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * The request as one datagram. The channel is connected to the server, so datagrams from anyone else never
 * reach us, and an ICMP "port unreachable" ends the probe at once instead of at the timeout. The request is
 * sent once, as the original does; a lost datagram is what {@code retries} is for.
 */
final class DnsUdpLeg implements DnsLeg {

    /** Datagrams taken per wake-up, so a flood of wrong answers cannot hold the loop. */
    private static final int MAX_DATAGRAMS_PER_READY = 64;

    private final DnsExchange exchange;
    private final byte[] request;
    private DatagramChannel channel;
    private SelectionKey key;

    DnsUdpLeg(DnsExchange exchange, byte[] request) {
        this.exchange = exchange;
        this.request = request;
    }

    @Override
    public void open(InetSocketAddress target) throws IOException {
        channel = exchange.legOwns(DatagramChannel.open(
                target.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6
                        : StandardProtocolFamily.INET));
        channel.configureBlocking(false);
        channel.connect(target);
        key = exchange.legLoop().register(channel, SelectionKey.OP_WRITE, exchange);
    }

    @Override
    public void ready(SelectionKey k) throws IOException {
        if ((k.readyOps() & SelectionKey.OP_WRITE) != 0) {
            // 0 means no room in the send buffer: stay registered for writing and try again
            if (channel.write(ByteBuffer.wrap(request)) > 0) {
                key.interestOps(SelectionKey.OP_READ);
            }
            return;
        }
        for (int i = 0; i < MAX_DATAGRAMS_PER_READY && channel.isOpen() && !exchange.legDone(); i++) {
            ByteBuffer buf = exchange.legLoop().scratch();
            if (channel.read(buf) <= 0) {
                return; // nothing more now (an empty datagram says nothing either)
            }
            byte[] message = new byte[buf.flip().remaining()];
            buf.get(message);
            exchange.received(message, this);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the answer is in or the probe moves to TCP; a datagram channel that will not close changes neither
        }
    }
}
