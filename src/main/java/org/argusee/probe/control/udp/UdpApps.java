package org.argusee.probe.control.udp;

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
            "ntp", new NtpProtocol(),
            "radius", new RadiusProtocol(),
            "sip", new SipProtocol(),
            "nfs", new RpcProtocol(RpcProtocol.NFS, 3, false),
            "nfsv3", new RpcProtocol(RpcProtocol.NFS, 3, true),
            "portmap2", new RpcProtocol(RpcProtocol.PORTMAP, 2, true),
            "portmap3", new RpcProtocol(RpcProtocol.PORTMAP, 3, true),
            "portmap4", new RpcProtocol(RpcProtocol.PORTMAP, 4, true));

    private UdpApps() {}

    /** Plain {@code Portmap} asks the version in {@code portmap_version} (default 2), as the original's RPC code. */
    static Optional<UdpProtocol> find(String app, ProbeSpec spec) {
        String name = app.toLowerCase(Locale.ROOT);
        if (name.equals("portmap")) {
            return Optional.of(new RpcProtocol(RpcProtocol.PORTMAP, portmapVersion(spec), false));
        }
        return Optional.ofNullable(APPS.get(name));
    }

    private static int portmapVersion(ProbeSpec spec) {
        try {
            return Integer.parseInt(spec.param("portmap_version").orElse("2").strip());
        } catch (NumberFormatException e) {
            return 2; // the config check reports a malformed number; the default still tests the portmapper
        }
    }
}
