package org.argusee.probe.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TimeValue;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * One non-persistent interval timer per probed service, first run at a random phase within its frequency so load
 * spreads. Follows the tree: a timer of its own looks at the tree's revision every second, and after a change (API
 * or SQL) services that are new or whose type or parameters changed are rescheduled, removed ones stop. It looks
 * rather than being told, because an event from a bean still starting (the sample import) calling into this
 * singleton would wait for startup to finish, which is waiting for it. A timeout only starts the probe: the
 * monitors' I/O runs on their own loop, and the reply is judged there.
 */
@Singleton
@Startup
@DependsOn("TreeCache")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /** A scheduled service: its timer, and what it was scheduled with, to notice changes. */
    private record Scheduled(Timer timer, String fingerprint) {
    }

    @Inject
    TreeCache cache;

    @Inject
    Monitors monitors;

    @Inject
    StatusBoard board;

    @Resource
    TimerService timers;

    private static final String REPLAN = "replan";
    private final Map<Long, Scheduled> scheduled = new HashMap<>();
    private long plannedRevision = -1;

    @PostConstruct
    void start() {
        plan(cache.snapshot());
        timers.createIntervalTimer(1000, 1000, new TimerConfig(REPLAN, false));
    }

    private synchronized void plan(TreeSnapshot tree) {
        if (tree.revision() == plannedRevision) {
            return;
        }
        plannedRevision = tree.revision();
        Set<Long> seen = new HashSet<>();
        Map<String, Integer> notProbed = new TreeMap<>();
        tree.nodes().filter(n -> n.kind() == ObjectKind.SERVICE).forEach(node -> {
            if (!probed(node)) {
                notProbed.merge(node.type(), 1, Integer::sum);
                return;
            }
            seen.add(node.id());
            String fingerprint = node.type() + values(node);
            Scheduled current = scheduled.get(node.id());
            if (current == null || !current.fingerprint().equals(fingerprint)) {
                cancel(node.id());
                long interval = frequencyMillis(node);
                Timer timer = timers.createIntervalTimer(ThreadLocalRandom.current().nextLong(interval), interval,
                        new TimerConfig(node.id(), false));
                scheduled.put(node.id(), new Scheduled(timer, fingerprint));
            }
        });
        new HashSet<>(scheduled.keySet()).stream().filter(id -> !seen.contains(id)).forEach(this::cancel);
        if (!notProbed.isEmpty()) {
            LOG.info(() -> scheduled.size() + " services scheduled; not probed yet (no monitor for the type): "
                    + notProbed);
        }
    }

    @Timeout
    void timeout(Timer timer) {
        if (REPLAN.equals(timer.getInfo())) {
            plan(cache.snapshot());
        } else {
            probe((Long) timer.getInfo());
        }
    }

    private void probe(long id) {
        TreeNode node = cache.snapshot().byId(id).orElse(null);
        Monitor monitor = node == null ? null : node.serviceType().flatMap(monitors::forType).orElse(null);
        if (monitor == null) {
            return;
        }
        Map<String, String> params = values(node);
        try {
            ProbeSpec spec = ProbeSpec.of(node.serviceType().orElseThrow(), params);
            monitor.probe(spec).thenAccept(reply -> board.record(id, node.fullName(), params, reply));
        } catch (IllegalArgumentException e) {
            // a configuration the monitor cannot use is a failed test, shown with the reason
            board.record(id, node.fullName(), params, Reply.failed("configuration: " + e.getMessage(), Duration.ZERO));
        }
    }

    /** A monitor handles it; a spec that cannot be built is probed, so it shows down with the reason why. */
    private boolean probed(TreeNode node) {
        Monitor monitor = node.serviceType().flatMap(monitors::forType).orElse(null);
        if (monitor == null) {
            return false;
        }
        try {
            return monitor.handles(ProbeSpec.of(node.serviceType().orElseThrow(), values(node)));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private void cancel(long id) {
        Scheduled s = scheduled.remove(id);
        if (s != null) {
            try {
                s.timer().cancel();
            } catch (RuntimeException e) {
                // already expired or cancelled: nothing left to stop
            }
            board.forget(id);
        }
    }

    private static Map<String, String> values(TreeNode node) {
        Map<String, String> values = new TreeMap<>();
        node.effectiveParameters().forEach((key, p) -> values.put(key, p.value()));
        return values;
    }

    private static long frequencyMillis(TreeNode node) {
        String text = node.param("frequency").orElse("60");
        try {
            return Math.max(1000, TimeValue.parseSeconds(text) * 1000);
        } catch (IllegalArgumentException e) {
            return 60_000;
        }
    }
}
