package org.argusee.probe.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.NetLoop;
import org.argusee.probe.control.TcpMonitor;
import org.argusee.probe.control.UdpMonitor;
import org.argusee.probe.control.UrlMonitor;
import org.argusee.tree.control.ServiceType;

/** The monitors the server runs, on one network loop it owns; which monitor tests which service type. */
@ApplicationScoped
public class Monitors {

    private NetLoop loop;
    private Monitor tcp;
    private Monitor udp;
    private Monitor url;

    @PostConstruct
    void open() {
        try {
            loop = NetLoop.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the network loop of the monitors", e);
        }
        tcp = new TcpMonitor(loop);
        udp = new UdpMonitor(loop);
        url = new UrlMonitor(loop);
    }

    /** The monitor for a type, or empty while that monitor type is not built yet (the service is not probed). */
    public Optional<Monitor> forType(ServiceType type) {
        return switch (type.base().toUpperCase(java.util.Locale.ROOT)) {
            case "TCP" -> Optional.of("URL".equals(type.app()) ? url : tcp);
            case "UDP" -> Optional.of(udp);
            default -> Optional.empty();
        };
    }

    @PreDestroy
    void close() {
        loop.close();
    }
}
