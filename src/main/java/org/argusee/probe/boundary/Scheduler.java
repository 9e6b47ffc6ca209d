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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.local.DarpWatchMonitor;
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
 *
 * <p>DARP: each service's duty ({@link ProbeDuty}, worked out when it is planned) says whether this server tests it
 * now; a tick of a service it does not test is skipped. When services become tested here (a slave that lost its
 * master takes over the failover services, or the peers changed), each is probed at once, at a random moment
 * within {@link #TAKEOVER_SPREAD_MILLIS}, rather than at its next tick.
 */
@Singleton
@Startup
@DependsOn({"TreeCache", "StatusWriter"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /**
     * A scheduled service: its timer, what it was scheduled with (to notice changes), and everything a probe needs,
     * worked out once when it is planned rather than at every probe. {@code problem} says why its settings cannot
     * make a spec (then {@code spec} is null and each probe reports that). {@code retryDue}: while a failing
     * service is retried after {@code retrydelay}, when that retry is due (epoch ms; 0 when none is).
     * {@code duty}: whether this server tests it now; {@code tested}: what the duty said when last looked at
     * (planned, or a change of the links or peers), to find the services that have just become tested here.
     * {@code watches}: the peer tag of a DARP/Watch service, else null.
     */
    private record Scheduled(Timer timer, String fingerprint, String fullName, Map<String, String> params,
                             Monitor monitor, ProbeSpec spec, String problem, long firstAt, long interval,
                             AtomicLong retryDue, ProbeDuty.Assignment duty, AtomicBoolean tested,
                             String watches) {

        /**
         * When the expiry now running was due: the multiple of the interval after the first expiry nearest to now.
         * Nearest, not last: a timer may fire a millisecond early, which is no lag of a whole interval. A lag over
         * half an interval reads as early (0); by then probes/s falls behind the plan, which the benchmark shows.
         */
        long plannedAt(long now) {
            long offset = Math.floorMod(now - firstAt, interval);
            return now - (offset > interval / 2 ? offset - interval : offset);
        }
    }

    /** What a service would be probed with; empty if no monitor handles it. */
    private record Plan(String fingerprint, Map<String, String> params, Monitor monitor, ProbeSpec spec,
                        String problem, String watches) {
    }

    /** Services that become tested here are probed within this many ms, each at its own random moment. */
    static final long TAKEOVER_SPREAD_MILLIS = 1000;

    @Inject
    TreeCache cache;

    @Inject
    Monitors monitors;

    @Inject
    StatusBoard board;

    @Inject
    ProbeMetrics metrics;

    @Inject
    LatestValues latest;

    @Resource
    TimerService timers;

    @Resource
    ManagedScheduledExecutorService retries;

    /** DARP's duty, when DARP is there (it always is in this application; the fallback tests everything). */
    @Inject
    Instance<ProbeDuty> duties;

    private ProbeDuty duty = ProbeDuty.EVERYWHERE;
    private volatile Object dutyVersion;

    private static final String REPLAN = "replan";
    // written by plan (synchronized), read by every probe
    private final Map<Long, Scheduled> scheduled = new ConcurrentHashMap<>();
    private long plannedRevision = -1;

    @PostConstruct
    void start() {
        if (duties.isResolvable()) {
            duty = duties.get();
        }
        dutyVersion = duty.version();
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
            Optional<Plan> plan = plan(node);
            if (plan.isEmpty()) {
                notProbed.merge(node.type(), 1, Integer::sum);
                return;
            }
            seen.add(node.id());
            Plan p = plan.get();
            Scheduled current = scheduled.get(node.id());
            if (current == null || !current.fingerprint().equals(p.fingerprint())
                    || !current.fullName().equals(node.fullName())) {
                cancel(node.id());
                long interval = frequencyMillis(node);
                long phase = ThreadLocalRandom.current().nextLong(interval);
                ProbeDuty.Assignment assignment = assign(node);
                Timer timer = timers.createIntervalTimer(phase, interval, new TimerConfig(node.id(), false));
                scheduled.put(node.id(), new Scheduled(timer, p.fingerprint(), node.fullName(), p.params(),
                        p.monitor(), p.spec(), p.problem(), System.currentTimeMillis() + phase, interval,
                        new AtomicLong(), assignment, new AtomicBoolean(assignment.testsNow()), p.watches()));
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
            Object version = duty.version();
            if (version != dutyVersion) {
                dutyVersion = version;
                takeOver();
            }
        } else {
            Scheduled s = scheduled.get((Long) timer.getInfo());
            if (s != null && s.duty().testsNow() && !retryPending(s)) {
                metrics.started(s.plannedAt(System.currentTimeMillis())); // ticks only: retries are off the grid
                probe((Long) timer.getInfo());
            }
        }
    }

    /**
     * Probes these services now, out of their schedule ("check now"); returns how many are probed here. A service
     * this server does not test now (DARP) is left alone: its status is another server's to give.
     */
    public int checkNow(Collection<Long> ids) {
        int started = 0;
        for (long id : ids) {
            Scheduled s = scheduled.get(id);
            if (s != null && s.duty().testsNow()) {
                probe(id);
                started++;
            }
        }
        return started;
    }

    /**
     * A DARP link came up or went down: the DARP/Watch services watching that peer look again now, and, when the
     * duty may have changed, the services that have just become tested here are probed (a failover takeover).
     */
    public void linkMoved(String tag, boolean dutyChanged) {
        if (dutyChanged) {
            dutyVersion = duty.version();
            takeOver();
        }
        if (tag != null) {
            checkNow(scheduled.entrySet().stream().filter(e -> tag.equals(e.getValue().watches()))
                    .map(Map.Entry::getKey).toList());
        }
    }

    /**
     * Probes, each at a random moment within {@link #TAKEOVER_SPREAD_MILLIS}, the services that this server tests
     * now and did not when last looked at; notes which ones it has stopped testing. Failover then takes the time
     * to find the master down plus one probe, not plus a whole frequency, and thousands of services taken over at
     * once do not start in the same millisecond.
     */
    private synchronized void takeOver() {
        int started = 0;
        int stopped = 0;
        for (Map.Entry<Long, Scheduled> e : scheduled.entrySet()) {
            Scheduled s = e.getValue();
            boolean now = s.duty().testsNow();
            if (s.tested().getAndSet(now) == now) {
                continue;
            }
            if (!now) {
                stopped++;
                continue;
            }
            long id = e.getKey();
            try {
                retries.schedule(() -> {
                    if (scheduled.get(id) == s && s.duty().testsNow()) {
                        probe(id);
                    }
                }, ThreadLocalRandom.current().nextLong(TAKEOVER_SPREAD_MILLIS), TimeUnit.MILLISECONDS);
                started++;
            } catch (RejectedExecutionException ex) {
                return; // shutting down
            }
        }
        if (started > 0 || stopped > 0) {
            int taken = started;
            int left = stopped;
            LOG.info(() -> "DARP: " + taken + " service(s) now tested here (probed within "
                    + TAKEOVER_SPREAD_MILLIS + " ms), " + left + " no longer tested here");
        }
    }

    private void probe(long id) {
        Scheduled s = scheduled.get(id);
        if (s == null) {
            return;
        }
        if (s.spec() == null) {
            pace(id, s, board.record(id, s.fullName(), s.params(),
                    Reply.failed("configuration: " + s.problem(), Duration.ZERO)));
            return;
        }
        s.monitor().probe(s.spec()).thenAccept(reply -> {
            latest.record(s.fullName(), reply);
            pace(id, s, board.record(id, s.fullName(), s.params(), reply));
        });
    }

    /**
     * retrydelay: while a failing service is retried, its next probe comes after retrydelay, and the regular ticks
     * stand aside; once it settles (down, or up again) they take over at its frequency.
     */
    private void pace(long id, Scheduled s, Optional<Duration> retryIn) {
        if (retryIn.isEmpty()) {
            s.retryDue().set(0);
            return;
        }
        long delay = retryIn.get().toMillis();
        s.retryDue().set(System.currentTimeMillis() + delay);
        try {
            retries.schedule(() -> {
                if (scheduled.get(id) == s && s.duty().testsNow()) {
                    probe(id);
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            s.retryDue().set(0); // shutting down: the ticks carry on while there are any
        }
    }

    /** A retry is due and has not overrun by more than the probe's timeout: it will report in time. */
    private static boolean retryPending(Scheduled s) {
        long due = s.retryDue().get();
        long grace = s.spec() == null ? 1000 : s.spec().timeout().toMillis() + 1000;
        return due != 0 && System.currentTimeMillis() < due + grace;
    }

    /**
     * How a service is probed, if a monitor handles it. Settings that cannot make a spec are still probed, so the
     * service shows down with the reason why.
     */
    private Optional<Plan> plan(TreeNode node) {
        Monitor monitor = node.serviceType().flatMap(monitors::forType).orElse(null);
        if (monitor == null) {
            return Optional.empty();
        }
        Map<String, String> params = values(node);
        if (monitor == monitors.watch()) {
            // the link's state is judged already, over its heartbeat timeout: retries would only delay it by
            // retries x frequency, as the original's DARP/Watch, which is set up or down directly, never retries
            params.put("retries", "0");
        }
        String fingerprint = node.type() + params;
        try {
            ProbeSpec spec = ProbeSpec.of(node.serviceType().orElseThrow(), params);
            return monitor.handles(spec) ? Optional.of(new Plan(fingerprint, params, monitor, spec, null,
                    DarpWatchMonitor.watched(spec).orElse(null))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Plan(fingerprint, params, monitor, null, e.getMessage(), null));
        }
    }

    /**
     * The service's DARP duty, from its parameters (already in the fingerprint, so a change of them replans it). A
     * duty that cannot be worked out is logged and the service tested, as without DARP: better probed twice than
     * by nobody.
     */
    private ProbeDuty.Assignment assign(TreeNode node) {
        try {
            return duty.assign(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP duty of " + node.fullName() + " cannot be worked out; tested here", e);
            return ProbeDuty.Assignment.ALWAYS;
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
            latest.forget(s.fullName());
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
