package org.argusee.probe.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.argusee.platform.boundary.ProgramIsolation;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.compute.ComputeMonitor;
import org.argusee.probe.control.db.DbMonitor;
import org.argusee.probe.control.dns.DnsMonitor;
import org.argusee.probe.control.local.DarpWatchMonitor;
import org.argusee.probe.control.local.PeerLinks;
import org.argusee.probe.control.local.SelfFigures;
import org.argusee.probe.control.local.SelfMonitor;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.ping.PingMonitor;
import org.argusee.probe.control.ping.PingSettings;
import org.argusee.probe.control.ping.PingTools;
import org.argusee.probe.control.prog.ProgEnvironment;
import org.argusee.probe.control.prog.ProgMonitor;
import org.argusee.probe.control.rpc.RpcMonitor;
import org.argusee.probe.control.snmp.SnmpMonitor;
import org.argusee.probe.control.tcp.TcpMonitor;
import org.argusee.probe.control.udp.UdpMonitor;
import org.argusee.probe.control.url.UrlMonitor;
import org.argusee.status.boundary.LastCheck;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ServiceType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The monitors the server runs, on a network loop it owns ({@code argus.probe.loop-threads} selector threads) and
 * the process pools of Ping and Prog; which monitor tests which service type (by {@link MonitorRoute}, the one
 * routing table).
 */
@ApplicationScoped
public class Monitors {

    /** Prog commands running at once: each holds a thread while it runs; the machine has few cores. */
    private static final int PROG_THREADS = 4;
    /** DB queries running at once: JDBC blocks a thread for each. */
    private static final int DB_THREADS = 4;

    @Inject
    LatestValues latest;

    /**
     * Selector threads of the network loop; 0: one per available processor. One by default: two cost more a probe at
     * 20,000 services on two shared cores and gained nothing measurable at 500,000 there, where the CPU the machine
     * gave was the limit (issue 17, docs/benchmarks.md, session 11); a machine with a core to spare may want more.
     */
    @Inject
    @ConfigProperty(name = "argus.probe.loop-threads", defaultValue = "1")
    int loopThreads;

    @Inject
    TreeCache tree;

    @Inject
    StatusBoard board;

    /** Who Prog commands run as (argus.prog.user), checked at startup. */
    @Inject
    ProgramIsolation isolation;

    /** DARP's view of its links, for DARP/Watch; found through CDI so this package needs no DARP classes. */
    @Inject
    Instance<PeerLinks> peerLinks;

    private NetLoop loop;
    private Monitor tcp;
    private UdpMonitor udp;
    private SnmpMonitor snmp;
    private Monitor dns;
    private PingMonitor ping;
    private ProgMonitor prog;
    private Monitor self;
    private Monitor compute;
    private Monitor url;
    private Monitor watch;
    private DbMonitor db;
    private final Map<MonitorRoute, Monitor> routes = new EnumMap<>(MonitorRoute.class);

    /** Probes on the network loop now, each holding a socket ({@link InFlightCap}). */
    public int inFlight() {
        return loop == null ? 0 : loop.inFlight();
    }

    /**
     * {@link #inFlight()} of this bean itself, for the scheduler's tick, without the client proxy's look-up of the
     * bean at each tick (issue 17, session 14).
     */
    IntSupplier inFlightCount() {
        return this::inFlight;
    }

    @PostConstruct
    void open() {
        try {
            loop = NetLoop.open(
                    loopThreads > 0 ? loopThreads : Runtime.getRuntime().availableProcessors());
            snmp = SnmpMonitor.open(loop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the network loop or the SNMP socket of the monitors", e);
        }
        tcp = new TcpMonitor(loop);
        udp = new UdpMonitor(loop);
        dns = new DnsMonitor(loop, udp);
        ping = new PingMonitor(PingTools.find(), PingSettings.DEFAULT);
        prog = new ProgMonitor(
                ProgEnvironment.argus(System.getProperty("jboss.server.data.dir")), PROG_THREADS, isolation.user());
        self = new SelfMonitor(
                SelfFigures.of(latest::tested, () -> tree.snapshot().size(), () -> (int) tree.snapshot()
                        .nodes()
                        .filter(n -> n.kind() == ObjectKind.SERVICE)
                        .count()));
        compute = new ComputeMonitor(this::judgedValue);
        url = new UrlMonitor(loop);
        watch = new DarpWatchMonitor(peerLinks.isResolvable() ? peerLinks.get() : PeerLinks.NONE);
        routes.put(MonitorRoute.TCP, tcp);
        routes.put(MonitorRoute.URL, url);
        routes.put(MonitorRoute.UDP, udp);
        routes.put(MonitorRoute.SNMP, snmp);
        routes.put(MonitorRoute.DNS, dns);
        routes.put(MonitorRoute.PING, ping);
        routes.put(MonitorRoute.PROG, prog);
        routes.put(MonitorRoute.SELF, self);
        routes.put(MonitorRoute.COMPUTE, compute);
        routes.put(MonitorRoute.DARP_WATCH, watch);
        routes.put(MonitorRoute.RPC, new RpcMonitor(loop));
        // JDBC drivers the deployment can load (the server's PostgreSQL module, jboss-deployment-structure.xml)
        db = new DbMonitor(DB_THREADS, Monitors.class.getClassLoader());
        routes.put(MonitorRoute.DB, db);
    }

    /**
     * The monitor for a type, as {@link MonitorRoute} routes it; empty while no monitor tests the type yet (the
     * service is not probed).
     */
    public Optional<Monitor> forType(ServiceType type) {
        return MonitorRoute.of(type).map(routes::get);
    }

    /** The DARP/Watch monitor: its services never retry (see the scheduler). */
    public Monitor watch() {
        return watch;
    }

    @PreDestroy
    void close() {
        snmp.close();
        ping.close();
        prog.close();
        db.close();
        loop.close();
    }

    /**
     * A {@code Compute} operand: the operand service's result as judged (after its own pluck, unpack, scale and calc),
     * the original's {@code srvc::result}; none while its last probe failed. It was the monitor's raw value, so
     * {@code %{S}} of a service with {@code scale: 1000} was a thousand times the figure S shows (found running beside
     * Argus 3.7, docs/parity.md).
     */
    private Optional<String> judgedValue(String fullName) {
        return tree.snapshot()
                .find(fullName)
                .flatMap(node -> board.lastCheck(node.id()))
                .map(LastCheck::result);
    }
}
