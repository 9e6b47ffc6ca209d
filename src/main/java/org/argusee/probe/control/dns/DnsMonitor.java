package org.argusee.probe.control.dns;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.udp.UdpMonitor;

/**
 * {@code DNS}, {@code Domain/<zone>}, {@code DNS/<QTYPE>/<name>}, {@code DNS/Serial/<zone>} and their
 * {@code UDP/} and {@code TCP/} spellings: one query to the server under test ({@code hostname}), judged by
 * {@code test} (see {@link DnsQuery}, {@link DnsTest}). A plain {@code UDP/DNS} without DNS parameters, or with
 * {@code send}, stays the UDP application's exchange: it is handed to the UDP monitor unchanged.
 */
public final class DnsMonitor implements Monitor {

    private final NetLoop loop;
    private final UdpMonitor udp;

    /** @param udp the monitor that tests a plain {@code UDP/DNS} */
    public DnsMonitor(NetLoop loop, UdpMonitor udp) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.udp = Objects.requireNonNull(udp, "udp");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        if (!MonitorRoute.DNS.takes(spec.type())) {
            return false;
        }
        return !DnsQuery.isPlainUdp(spec.type(), spec.params()) || udp.speaks(spec);
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!MonitorRoute.DNS.takes(spec.type())) {
            return Exchange.refused(spec.type().text() + " is not a DNS service");
        }
        if (DnsQuery.isPlainUdp(spec.type(), spec.params())) {
            return udp.probe(spec);
        }
        DnsQuery query;
        try {
            query = DnsQuery.of(spec.type(), spec.params());
        } catch (IllegalArgumentException e) {
            // ProbeSpec.of reports this when the service is planned; a spec built another way ends here
            return Exchange.refused("configuration: " + e.getMessage());
        }
        return new DnsExchange(loop, spec, query).start();
    }
}
