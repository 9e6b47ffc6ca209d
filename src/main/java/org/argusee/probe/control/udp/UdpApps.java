package org.argusee.probe.control.udp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.argusee.probe.control.ProbeSpec;

/**
 * The UDP applications this monitor speaks, as one table; ports come from the service type. Applications not
 * listed (IAX2) and DNS queries for a name and RPC by program belong to other monitors or are not done
 * yet: {@link UdpMonitor} says so in the reply rather than guessing a request. SNMP is {@code SnmpMonitor}'s.
 */
final class UdpApps {

    private static final Map<String, UdpProtocol> APPS = Map.of(
            "dns", new DnsProtocol(),
            "ntp", new NtpProtocol(NtpProtocol.Figure.RAW),
            "radius", new RadiusProtocol(),
            "sip", new SipProtocol(),
            "nfs", new RpcProtocol(RpcProtocol.NFS, 3, false),
            "nfsv3", new RpcProtocol(RpcProtocol.NFS, 3, true),
            "portmap2", new RpcProtocol(RpcProtocol.PORTMAP, 2, true),
            "portmap3", new RpcProtocol(RpcProtocol.PORTMAP, 3, true),
            "portmap4", new RpcProtocol(RpcProtocol.PORTMAP, 4, true));

    private UdpApps() {}

    /**
     * Plain {@code Portmap} asks the version in {@code portmap_version} (default 2), as the original's RPC code.
     * Of the types with more after the application only the original's {@code NTP/Stratum} and
     * {@code NTP/Dispersion} are this monitor's (a DNS query for a name is the DNS monitor's).
     */
    static Optional<UdpProtocol> find(String app, List<String> rest, ProbeSpec spec) {
        String name = app.toLowerCase(Locale.ROOT);
        if (!rest.isEmpty()) {
            return name.equals("ntp") && rest.size() == 1 ? ntpFigure(rest.get(0), spec) : Optional.empty();
        }
        if (name.equals("portmap")) {
            return Optional.of(new RpcProtocol(RpcProtocol.PORTMAP, portmapVersion(spec), false));
        }
        return Optional.ofNullable(APPS.get(name));
    }

    /**
     * The original set {@code unpack} (and {@code scale}) only where the service had none: with its own the user
     * takes the raw answer apart, so the value stays raw.
     */
    private static Optional<UdpProtocol> ntpFigure(String figure, ProbeSpec spec) {
        NtpProtocol.Figure f =
                switch (figure.toLowerCase(Locale.ROOT)) {
                    case "stratum" -> NtpProtocol.Figure.STRATUM;
                    case "dispersion" -> NtpProtocol.Figure.DISPERSION;
                    default -> null;
                };
        if (f == null) {
            return Optional.empty();
        }
        boolean own = spec.param("unpack").isPresent() || spec.param("scale").isPresent();
        return Optional.of(new NtpProtocol(own ? NtpProtocol.Figure.RAW : f));
    }

    private static int portmapVersion(ProbeSpec spec) {
        try {
            return Integer.parseInt(spec.param("portmap_version").orElse("2").strip());
        } catch (NumberFormatException e) {
            return 2; // the config check reports a malformed number; the default still tests the portmapper
        }
    }
}
