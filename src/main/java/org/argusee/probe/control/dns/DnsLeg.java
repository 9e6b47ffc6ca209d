package org.argusee.probe.control.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;

/**
 * One transport a DNS request goes over ({@link DnsUdpLeg}, {@link DnsTcpLeg}): it sends the request and hands
 * every whole message that comes back to its {@link DnsExchange}. Loop thread only.
 */
interface DnsLeg {

    void open(InetSocketAddress target) throws IOException;

    void ready(SelectionKey key) throws IOException;

    /** Stops listening; the exchange goes on over another leg or has finished. */
    void close();
}
