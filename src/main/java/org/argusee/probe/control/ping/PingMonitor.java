package org.argusee.probe.control.ping;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeFailure;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.Exchange;
import org.argusee.probe.control.net.HostResolver;
import org.argusee.probe.control.net.NetLoop;
import org.argusee.probe.control.prog.ProgProcesses;

/**
 * {@code Ping}: an ICMP echo, which the JVM cannot send, so as the original does it: the hosts whose probes start
 * within a short window go to one {@code fping} run ({@link PingFpingRun}); without fping, the system's
 * {@code ping} per host ({@link PingSystemRun}). The value is the round-trip time in ms, for maxvalue. The name is
 * resolved here (honouring {@code ipversion}) so that fping gets addresses and one family per run. Each probe's
 * own deadline completes it with "timeout" whatever the process does; the process is killed after the last
 * deadline of its batch.
 */
public final class PingMonitor implements Monitor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PingMonitor.class.getName());
    static final String NOT_INSTALLED = "fping not installed";
    static final String BUSY = "too many pings waiting to run";

    private final PingTools tools;
    private final PingSettings settings;
    private final ScheduledThreadPoolExecutor timer = ProgProcesses.timer("argus-ping-timer");
    private final ThreadPoolExecutor pool;
    private final HostResolver resolver = new HostResolver(2, "argus-ping-resolver");
    private final PingBatcher batcher;
    private final Set<CompletableFuture<Reply>> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public PingMonitor(PingTools tools, PingSettings settings) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = ProgProcesses.pool("argus-ping", settings.threads(), 8 * settings.threads());
        this.batcher = new PingBatcher(settings.maxBatch(), timer, this::launch);
        if (tools.none()) {
            LOG.warning("neither fping nor ping is installed: Ping services fail with '" + NOT_INSTALLED
                    + "' (apt-get install fping)");
        } else if (tools.fping() == null) {
            LOG.info("fping is not installed: Ping runs " + tools.ping() + " once per host");
        }
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.PING.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!handles(spec)) {
            return Exchange.refused(spec.type().text() + " is not a Ping service");
        }
        if (tools.none()) {
            return Exchange.refused(NOT_INSTALLED);
        }
        if (closed) {
            return Exchange.refused(NetLoop.SHUT_DOWN);
        }
        long started = System.nanoTime();
        CompletableFuture<Reply> result = new CompletableFuture<>();
        inFlight.add(result);
        result.whenComplete((r, e) -> inFlight.remove(result));
        try {
            ScheduledFuture<?> deadline = timer.schedule(
                    () -> result.complete(Reply.failed("timeout", Duration.ofNanos(System.nanoTime() - started))),
                    spec.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> deadline.cancel(false));
            resolver.resolve(spec.hostname(), spec.ipversions()).whenComplete((address, error) -> {
                if (error != null) {
                    result.complete(
                            Reply.failed(ProbeFailure.reasonOf(error), Duration.ofNanos(System.nanoTime() - started)));
                } else {
                    enqueue(
                            new PingProbe(
                                    address.getHostAddress(),
                                    address instanceof Inet6Address ? 6 : 4,
                                    started,
                                    spec.timeout(),
                                    result),
                            spec.timeout());
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(Reply.failed(NetLoop.SHUT_DOWN, Duration.ZERO));
        }
        return result.minimalCompletionStage();
    }

    /** Probes not answered yet; for tests and figures. */
    int inFlight() {
        return inFlight.size();
    }

    private void enqueue(PingProbe probe, Duration timeout) {
        try {
            batcher.add(probe, settings.waitMillis(timeout), settings.windowMillis(timeout));
        } catch (RejectedExecutionException e) {
            probe.down(NetLoop.SHUT_DOWN);
        }
    }

    private void launch(int family, long waitMillis, List<PingProbe> batch) {
        try {
            if (tools.fping() != null) {
                pool.execute(new PingFpingRun(tools.fping(), family, waitMillis, batch, timer, running));
            } else {
                for (PingProbe p : batch) {
                    pool.execute(new PingSystemRun(tools.ping(), waitMillis, p, timer, running));
                }
            }
        } catch (RejectedExecutionException e) {
            batch.forEach(p -> p.down(closed ? NetLoop.SHUT_DOWN : BUSY));
        }
    }

    /** Ends every probe in flight as "shut down" and kills the processes. */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        timer.shutdownNow();
        resolver.shutdown();
        batcher.drain();
        List.copyOf(inFlight).forEach(r -> r.complete(Reply.failed(NetLoop.SHUT_DOWN, Duration.ZERO)));
        List.copyOf(running).forEach(p -> ProgProcesses.killTree(p, false));
    }
}
