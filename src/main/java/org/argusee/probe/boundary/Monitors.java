package org.argusee.probe.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.argusee.probe.control.DnsMonitor;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.NetLoop;
import org.argusee.probe.control.SnmpMonitor;
import org.argusee.probe.control.TcpMonitor;
import org.argusee.probe.control.UdpMonitor;
import org.argusee.tree.control.ServiceType;

/** The monitors the server runs, on one network loop it owns; which monitor tests which service type. */
@ApplicationScoped
public class Monitors {

    private NetLoop loop;
    private Monitor tcp;
    private Monitor udp;
    private SnmpMonitor snmp;
    private Monitor dns;

    @PostConstruct
    void open() {
        try {
            loop = NetLoop.open();
            snmp = SnmpMonitor.open(loop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the network loop or the SNMP socket of the monitors", e);
        }
        tcp = new TcpMonitor(loop);
        udp = new UdpMonitor(loop);
        dns = new DnsMonitor(loop, udp);
    }

    /** The monitor for a type, or empty while that monitor type is not built yet (the service is not probed). */
    public Optional<Monitor> forType(ServiceType type) {
        if (DnsMonitor.covers(type)) {
            return Optional.of(dns); // also UDP/DNS, UDP/Domain, TCP/DNS, TCP/Domain
        }
        return switch (type.base().toUpperCase(java.util.Locale.ROOT)) {
            case "TCP" -> Optional.of(tcp);
            case "UDP" -> Optional.of(SnmpMonitor.isSnmp(type) ? snmp : udp);
            default -> Optional.empty();
        };
    }

    @PreDestroy
    void close() {
        snmp.close();
        loop.close();
    }
}
