package org.argusee.probe.control;

import java.util.Optional;
import java.util.Set;
import org.argusee.tree.control.ServiceType;

/**
 * Which monitor tests a service type: the one routing table. {@code Monitors.forType} picks the monitor by it,
 * and the monitors ask it in {@code handles} and {@code probe} instead of reading the type themselves; a monitor
 * only adds what its settings allow (an OID it cannot read yet, a UDP application it has no request for).
 *
 * <p>Types read in their canonical spelling ({@link ServiceType#base()}, {@link ServiceType#app()}), so
 * {@code DARP/WATCH} routes as {@code DARP/Watch}.
 */
public enum MonitorRoute {
    /** {@code TCP} and its applications, but for those below; {@code Agent} (the argus agent's line protocol). */
    TCP,
    /** {@code TCP/URL}: an HTTP(S) request to the URL, not a connection to a host and port. */
    URL,
    /** {@code UDP} and its applications, but for those below. */
    UDP,
    /** {@code UDP/SNMP}, {@code UDP/SNMPv2c}, {@code UDP/SNMPv3}. */
    SNMP,
    /** {@code DNS}, {@code Domain} and the DNS and Domain applications of TCP and UDP. */
    DNS,
    PING,
    PROG,
    SELF,
    COMPUTE,
    /** {@code DARP/Watch}: the state of a DARP link. */
    DARP_WATCH,
    /** {@code DB}: a query through JDBC. */
    DB,
    /** {@code TCP/RPC}, {@code UDP/RPC}: a portmapper lookup, then the program's NULL procedure. */
    RPC;

    private static final Set<String> SNMP_APPS = Set.of("SNMP", "SNMPv2c", "SNMPv3");

    /**
     * The route of a type; empty when no monitor tests it yet ({@code DARP/x}...): such
     * services are not probed, rather than shown down.
     */
    public static Optional<MonitorRoute> of(ServiceType type) {
        String app = type.app();
        String kind = app != null ? app : type.base(); // DNS is the application of TCP and UDP, else the base
        if ("DNS".equals(kind) || "Domain".equals(kind)) {
            return Optional.of(DNS);
        }
        return Optional.ofNullable(
                switch (type.base()) {
                    case "TCP" -> "URL".equals(app) ? URL : "RPC".equals(app) ? RPC : TCP;
                    case "UDP" -> "RPC".equals(app) ? RPC : app != null && SNMP_APPS.contains(app) ? SNMP : UDP;
                    case "Ping" -> PING;
                    case "Prog" -> PROG;
                    case "Self" -> SELF;
                    case "Compute" -> COMPUTE;
                    case "DB" -> DB;
                    case "Agent" -> TCP; // a line sent to the agent's port, the answer read to the end
                    case "DARP" -> "Watch".equals(app) ? DARP_WATCH : null;
                    default -> null;
                });
    }

    /** Whether this route takes the type. */
    public boolean takes(ServiceType type) {
        return of(type).orElse(null) == this;
    }
}
