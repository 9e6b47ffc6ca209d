package org.argusee.probe.control.snmp;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.NetLoop;

/**
 * {@code UDP/SNMP} (v1), {@code UDP/SNMPv2c} and {@code UDP/SNMPv3}: a get of one OID whose value is the
 * result ({@link SnmpReplies}), or with no OID a get of sysUpTime.0 that any answer passes. All SNMP types are
 * tested here, with SNMP4J; the UDP monitor sends no SNMP. Shares the loop's resolver and timer, and holds one
 * SNMP4J session of its own ({@link SnmpSession}).
 *
 * <p>OIDs that need what is not built (names from {@code snmpoid} blocks or MIB files, index lookup by label)
 * are not handled: the scheduler leaves such services unprobed rather than show them down.
 */
public final class SnmpMonitor implements Monitor, AutoCloseable {

    private final NetLoop loop;
    private final SnmpSession session;
    private final Set<SnmpExchange> live = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private boolean closed;

    private SnmpMonitor(NetLoop loop, SnmpSession session) {
        this.loop = loop;
        this.session = session;
    }

    /** Opens the SNMP socket; close the monitor before the loop. */
    public static SnmpMonitor open(NetLoop loop) throws IOException {
        return new SnmpMonitor(Objects.requireNonNull(loop, "loop"), SnmpSession.open());
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.SNMP.takes(spec.type()) && notBuilt(spec).isEmpty();
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!MonitorRoute.SNMP.takes(spec.type())) {
            return Exchange.refused(spec.type().text() + " is not an SNMP service");
        }
        Optional<String> notBuilt = notBuilt(spec);
        if (notBuilt.isPresent()) {
            return Exchange.refused(notBuilt.get());
        }
        SnmpSettings settings;
        try {
            settings = SnmpSettings.of(spec);
        } catch (IllegalArgumentException e) {
            return Exchange.refused("configuration: " + e.getMessage());
        }
        SnmpExchange exchange = new SnmpExchange(session, spec, settings, live::remove);
        synchronized (lock) {
            if (closed) {
                return Exchange.refused(NetLoop.SHUT_DOWN);
            }
            live.add(exchange);
        }
        return exchange.start(loop);
    }

    /** Probes started and not yet completed. */
    public int inFlight() {
        return live.size();
    }

    /** Closes the SNMP socket; probes in flight complete as failed ("shut down"). */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        session.close();
        live.forEach(e -> e.fail(NetLoop.SHUT_DOWN));
    }

    private static Optional<String> notBuilt(ProbeSpec spec) {
        return SnmpSettings.writtenOid(spec).map(SnmpOids::parse).map(SnmpOids.Parsed::unsupported);
    }
}
