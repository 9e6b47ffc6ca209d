package org.argusee.probe.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.platform.control.SteadyClock;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Probes each service at its frequency, first at a random phase within it so load spreads. A tick ({@link Ticks},
 * a thread of its own that sleeps until the next turn is due, at least {@link #TICK_MILLIS} ms between ticks) takes
 * from a {@link Timetable} in memory the services that have fallen due and starts their probes; the container's timer per service that this replaced cost
 * more CPU than the probe itself (docs/benchmarks.md). Follows the tree: after a change (API or SQL) services that
 * are new or whose type or parameters changed are rescheduled, removed ones stop (looking only in the subtrees
 * changed when known: {@link ReplanScope}). It is told of a new tree by {@link SchedulerSignals}, on an executor's
 * thread and on this bean itself: an event from a bean still starting (the sample import) calling into this singleton
 * through the container would wait for startup to finish, which is waiting for it. A non-persistent EJB timer
 * looks too, every {@link #WATCHDOG_MILLIS} ms, for a word missed; it looked every second, and that look cost 0.35-0.6
 * ms of CPU a second at any load (issue 17, docs/benchmarks.md, session 15). A tick only starts the probes: the
 * monitors' I/O runs on their own loop, and the reply is judged there.
 *
 * <p>DARP: each service's duty ({@link ProbeDuty}, worked out when it is planned) says whether this server tests it
 * now; a turn of a service it does not test is skipped. When services become tested here (a slave that lost its
 * master takes over the failover services, or the peers changed), each is probed at once, at a random moment
 * within {@link Takeover#SPREAD_MILLIS}, rather than at its next turn. What to schedule and how a service is probed
 * is worked out by {@link ServicePlanner}; a probe and its retries are {@link Probing}'s; this class keeps the
 * timetable.
 */
@Singleton
@Startup
@DependsOn({"TreeCache", "StatusWriter", "ForecastKeeper"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /**
     * The timetable's time: steady, not the wall clock. Set back 10 minutes, the wall clock held every turn back
     * those 10 minutes (the wheel takes nothing before the last time it looked at); set forward, it made every
     * service due at once (docs/reliability.md, "clockstep").
     */
    static final SteadyClock CLOCK = SteadyClock.SYSTEM;

    @Inject
    TreeCache cache;

    @Inject
    Monitors monitors;

    @Inject
    StatusBoard board;

    @Inject
    ProbeMetrics metrics;

    private ProbeMetrics counted; // the bean behind metrics: called at every turn (ProbeMetrics#instance)

    @Inject
    LatestValues latest;

    @Inject
    ReplanScope replans; // what changed since the last plan

    @Inject
    SchedulerSignals signals; // a new tree, the pair's new role: told at once

    @Resource
    TimerService timers;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    ManagedThreadFactory threads; // the tick's thread

    /** DARP's duty, when DARP is there (it always is in this application; the fallback tests everything). */
    @Inject
    Instance<ProbeDuty> duties;

    /** The standby of a master pair probes nothing (issue 16). */
    @Inject
    MasterLease lease;

    private ProbeDuty duty = ProbeDuty.EVERYWHERE;
    private ServicePlanner planner;
    private Probing probing;
    private volatile Object dutyVersion;

    /**
     * How often the EJB timer looks for a new tree, a new duty and the tick's thread when nothing said so (ms). Its
     * first look, a second after the start, starts the ticks; the guide wants EJB timers to drive the probes.
     */
    static final long WATCHDOG_MILLIS = 10_000;

    /**
     * The least pause between ticks by default (they sleep until a turn is due): the most a turn starts late from
     * them. It was 20 ms: each tick wakes this thread and the network loop, a sleep and wake-up costs tens of
     * microseconds on a VM, and at 20,000 services 50 ms cut the server's CPU a probe by a fifth (0.16 to 0.12 s per
     * 1,000 probes) for a lag p99 of 50 ms instead of 22, within the 100 ms goal (issue 17, docs/benchmarks.md,
     * session 12).
     */
    static final long TICK_MILLIS = 50;

    /** The least pause between ticks ({@code argus.probe.tick-millis}, 1-1000 ms): a shorter one, a smaller lag. */
    @Inject
    @ConfigProperty(name = "argus.probe.tick-millis", defaultValue = "" + TICK_MILLIS)
    long tickMillis;

    private Ticks ticks;
    private volatile long plannedAt; // when the first plan was made, until the ticks start (0 after)

    private Timetable<Scheduled> timetable; // made at the start, with the tick's pause
    // written by plan (synchronized), read by every probe
    private final ConcurrentLongMap<Scheduled> scheduled = new ConcurrentLongMap<>();

    @PostConstruct
    void start() {
        if (duties.isResolvable()) {
            duty = duties.get();
        }
        duty = new PairDuty(duty, lease.instance().get());
        dutyVersion = duty.version();
        counted = metrics.instance().get();
        planner = new ServicePlanner(monitors, duty);
        probing = new Probing(scheduled, new ReplyHandOff(board, latest), executor);
        long gap = Math.max(1, Math.min(tickMillis, Ticks.MAX_SLEEP_MILLIS));
        if (gap != tickMillis) {
            LOG.warning("argus.probe.tick-millis=" + tickMillis + " is outside 1-" + Ticks.MAX_SLEEP_MILLIS
                    + " ms; the ticks pause at least " + gap + " ms");
        }
        timetable = new Timetable<>(gap, CLOCK.millis());
        // called on the bean itself, not through the container: a tick needs none of its services
        Runnable tick = InFlightCap.tick(timetable, CLOCK::millis, monitors.inFlightCount(), this::turn);
        ticks = new Ticks(threads, gap, tick, timetable::nextDue, CLOCK::millis);
        plannedAt = CLOCK.millis(); // before the plan: its phases count from here
        signals.follow(this::replanNow, this::dutyNow); // before the plan: a tree after it is told
        plan(cache.snapshot());
        timers.createIntervalTimer(1000, WATCHDOG_MILLIS, new TimerConfig("replan", false));
    }

    @PreDestroy
    void stop() {
        ticks.stop();
    }

    private synchronized void plan(TreeSnapshot tree) {
        Optional<ReplanScope.Step> step = replans.take(tree);
        if (step.isEmpty()) {
            return;
        }
        ServicePlanner.Changes changes = planner.changes(step.get(), tree, scheduled);
        changes.gone().forEach(this::cancel);
        changes.toSchedule().forEach(e -> schedule(e.node(), e.plan()));
        metrics.scheduled(scheduled.values());
        if (!changes.notProbed().isEmpty()) {
            LOG.info(() -> scheduled.size() + " services scheduled; not probed yet (no monitor for the type): "
                    + changes.notProbed());
        }
    }

    /**
     * The service's turns in the timetable, first at a random phase within its frequency; its old ones stop. A service
     * that watches a DARP peer (DARP/Watch) starts at once instead: it only reads a link state in memory, and one
     * just created would otherwise show unknown for up to a whole frequency.
     */
    private void schedule(TreeNode node, ServicePlanner.Plan p) {
        cancel(node.id());
        long interval = ServicePlanner.frequencyMillis(node);
        long phase = p.watches() != null ? 0 : ThreadLocalRandom.current().nextLong(interval);
        ProbeDuty.Assignment assignment = planner.assign(node);
        long id = node.id();
        long first = CLOCK.millis() + phase;
        scheduled.put(
                id, timetable.add(first, interval, turns -> Scheduled.of(id, turns, node.fullName(), p, assignment)));
        ticks.dueBy(first); // the tick sleeps until the next due time: this one may be sooner
    }

    /** The watchdog timer, every {@link #WATCHDOG_MILLIS} ms (its only timer): what no word may have told. */
    @Timeout
    void timeout(Timer timer) {
        if (plannedAt != 0) { // the first timeout starts the ticks: no probing while the deployment is starting
            timetable.delay(CLOCK.millis() - plannedAt); // spread from now, not from the plan
            plannedAt = 0; // from here on words are followed; one that came before is planned just below
        }
        ticks.keepGoing();
        plan(cache.snapshot());
        followDuty();
    }

    /** A new tree ({@link SchedulerSignals}); before the ticks run, the first timeout plans it. */
    private void replanNow() {
        if (plannedAt == 0) {
            plan(cache.snapshot());
        }
    }

    /** The pair's new role ({@link SchedulerSignals}); before the ticks run, the first timeout looks. */
    private void dutyNow() {
        if (plannedAt == 0) {
            followDuty();
        }
    }

    /** The services that have just become tested here are probed, if the duty changed since last looked at. */
    private synchronized void followDuty() {
        Object version = duty.version();
        if (version != dutyVersion) {
            dutyVersion = version;
            takeOver();
        }
    }

    /**
     * A service's turn, due at {@code dueAt}: probed unless it is no longer scheduled (its turns cancelled), another
     * server tests it or a retry stands instead. A failure to start is logged and ends this turn only, as with a
     * timer of its own: the tick's other turns go on.
     */
    private void turn(Scheduled s, long dueAt) {
        if (!s.turns().cancelled() && s.duty().testsNow() && !s.retryPending()) {
            counted.started(dueAt); // turns only: retries are off the grid
            try {
                probing.probe(s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "probe of " + s.fullName() + " did not start", e);
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
                probing.probe(s);
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
            checkNow(scheduled.keysWhere(s -> tag.equals(s.watches())));
        }
    }

    /** The services that have just become tested here are probed soon; see {@link Takeover}. */
    private synchronized void takeOver() {
        Takeover.run(scheduled, probing::probeLater, board::handedBack);
    }

    private void cancel(long id) {
        Scheduled s = scheduled.get(id);
        if (s != null) {
            s.turns().cancel(); // first: a turn taken meanwhile sees it no longer scheduled (turn)
            scheduled.remove(id);
            board.forget(id);
        }
    }
}
