package org.argusee.probe.control.udp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.tree.control.ServiceType;

/**
 * {@code UDP} and its applications (DNS, NTP, RADIUS, Portmap, NFS): one request, one answer from the target,
 * then {@code expect} on it. The value is the answer's raw bytes, one char per byte, so that
 * {@code unpack} can take binary answers apart as in the original. A {@code send} parameter replaces an
 * application's own request, and then any answer counts. The SNMP types are {@code SnmpMonitor}'s, {@code send}
 * or not.
 */
public final class UdpMonitor implements Monitor {

    private final NetLoop loop;

    public UdpMonitor(NetLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.UDP.takes(spec.type()) && protocol(spec).isPresent();
    }

    /** Whether {@link #probe} can test the spec: also the plain {@code UDP/DNS} checks the DNS monitor hands over. */
    public boolean speaks(ProbeSpec spec) {
        return speaksFor(spec.type()) && protocol(spec).isPresent();
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!speaksFor(spec.type())) {
            return Exchange.refused(
                    "UDP".equals(spec.type().base())
                            ? spec.type().family() + " is tested by another monitor"
                            : spec.type().text() + " is not a UDP service");
        }
        Optional<UdpProtocol> protocol = protocol(spec);
        if (protocol.isEmpty()) {
            return Exchange.refused(spec.type().text() + " not supported yet");
        }
        return new UdpExchange(loop, spec, protocol.get()).start();
    }

    /** Its own types, and the plain {@code UDP/DNS} checks that the DNS monitor hands to it (see DnsQuery). */
    private static boolean speaksFor(ServiceType type) {
        return MonitorRoute.UDP.takes(type) || MonitorRoute.DNS.takes(type) && "UDP".equals(type.base());
    }

    private static Optional<UdpProtocol> protocol(ProbeSpec spec) {
        if (spec.send() != null) {
            return Optional.of(UdpProtocol.sending(spec.send().getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (spec.type().app() == null) {
            return Optional.empty();
        }
        return UdpApps.find(spec.type().app(), spec.type().rest(), spec); // DNS/A/name: the DNS monitor's
    }
}
