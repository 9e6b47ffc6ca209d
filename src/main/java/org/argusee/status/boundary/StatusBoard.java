package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.argusee.platform.boundary.DatabaseAvailability;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.Outcome;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Sample;
import org.argusee.status.control.ServiceCombiner;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.StatusGraph;
import org.argusee.status.control.StatusMachine;
import org.argusee.status.control.StatusStep;
import org.argusee.status.control.UserOverride;
import org.argusee.status.control.evaluation.RawResult;
import org.argusee.status.control.evaluation.ReplyRules;
import org.argusee.status.control.evaluation.ResultEvaluator;
import org.argusee.status.control.evaluation.Verdict;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The live status of every object, in memory. A reply is judged here (result checks, retries, severity), then the
 * status graph works out what else changed (groups, aliases, dependants, overrides) on the thread that delivered
 * it, which must not block: nothing here waits for the database. What has to be stored is queued for
 * {@link StatusWriter} ({@link ChangeRows}, {@link SampleFeed}), which they wake ({@link WriterWakeup}). Readers (the
 * API) read from here too, but the states they see are the ones stored ({@link #state}): a status the API shows is
 * in the database with its transition, as the {@link StatusChanged} event that announced it; only check times and
 * results are fresher. Changes are serialised by this object's lock; each one is short. <p>
 * A {@link ServiceCombiner} (the DARP master's, when there is one, reached through {@link Combining}) may replace a
 * service's own result by a status several servers give together: the status machine keeps this server's own
 * result ({@link #own}), the graph gets the combined one.
 */
@ApplicationScoped
public class StatusBoard {

    private final StatusGraph graph = new StatusGraph();
    private final WriterWakeup wakeup = new WriterWakeup(); // told of all that the writer is to store
    private final SampleFeed samples = new SampleFeed(wakeup);
    private final Forecasts forecasts = new Forecasts();
    private final TrackedServices services = new TrackedServices();
    private final CheckTimes checks = new CheckTimes();
    private final StoredStates stored = new StoredStates();
    private final ChangeRows changes = new ChangeRows(graph, checks, wakeup);
    /** The writer cannot store (the database is away): readers see the live states, marked as not stored. */
    private volatile boolean behind;
    /** The database cannot be reached (the writer may be stuck waiting for a connection): the same. */
    private volatile boolean databaseAway;

    @Inject
    Instance<ServiceCombiner> combiners;

    private final Combining combining = new Combining(() -> combiners);

    /**
     * Judges one probe's reply. Returns when to probe again if not at the next regular time: {@code retrydelay}
     * while a failing service is being retried.
     */
    public synchronized Optional<Duration> record(
            long objectId, String fullName, Map<String, String> params, RawResult reply, EntryPlace place) {
        Instant now = Instant.now();
        Tracked tracked = services.entry(objectId, params, now, place, graph, checks);
        ReplyRules rules = tracked.rules;
        Verdict verdict = ResultEvaluator.evaluate(
                rules, reply, tracked.eval, now, forecasts.forService(objectId, rules.forecast(), now));
        StatusStep step = StatusMachine.apply(tracked.status, verdict.check(), rules.retrying(), now);
        // unknown until the first answer that settles it: a pass, or retries+1 failures
        boolean known = tracked.known || StatusMachine.settles(verdict.check(), step, rules.retrying());
        TreeSnapshot tree = graph.tree();
        TreeNode quiet = tracked.quiet(step.next(), known, graph.epoch());
        tracked.status = step.next();
        tracked.eval = verdict.next();
        tracked.known = known;
        CheckTimes.checked(tracked.check, now, verdict.result(), reply.elapsed(), step.next());
        Optional<ServiceStatus> own = known ? Optional.of(step.next()) : Optional.empty();
        TreeNode node = quiet != null ? quiet : tree.byId(objectId).orElse(null);
        boolean alone = node != null && checked(node, own, now, quiet != null);
        if (alone && own.isPresent() && (quiet != null || graph.followsOwnStatus(objectId))) {
            tracked.settled(node, graph.epoch());
        } else {
            tracked.unsettled();
            if (node == null && own.isPresent()) {
                apply(graph.serviceChecked(objectId, own.get(), now));
            }
        }
        boolean failed = !verdict.pending() && !verdict.up();
        samples.probed(objectId, rules.graphed(), now, !failed, verdict.number(), reply.elapsed());
        return step.retryIn();
    }

    /**
     * This board itself, not the container's client proxy (whose look-up cost as much per reply as the reply's own
     * map look-up, issue 17). In a holder, as Weld gives its proxy back in place of a bean a method returns itself.
     */
    public Supplier<StatusBoard> instance() {
        return () -> this;
    }

    /**
     * Works these services' statuses out again from what the combiner knows now (a DARP report, a peer came or
     * went), without a probe: each gets the combined status, or its own result back. Unknown services are skipped.
     */
    public synchronized void recombine(Collection<Long> objectIds) {
        Instant now = Instant.now();
        for (long id : objectIds) {
            TreeNode node = graph.tree().byId(id).orElse(null);
            if (node != null && node.kind() == ObjectKind.SERVICE) {
                checked(node, own(id), now, false);
            }
        }
    }

    /**
     * The graph gets the combined status when the service is combined, else this server's own (when settled), unless
     * it has that already ({@code quiet}: {@link Tracked#quiet}). True when the service is not combined.
     */
    private boolean checked(TreeNode node, Optional<ServiceStatus> own, Instant now, boolean quiet) {
        Optional<JointStatus> joint = combining.combined(node, own, now);
        if (joint.isPresent()) {
            if (joint.get().known()) {
                apply(graph.serviceChecked(node, joint.get(), now));
            }
            return false;
        }
        if (own.isPresent() && !quiet) {
            apply(graph.serviceChecked(node, new JointStatus(own.get(), false), now));
        }
        return true;
    }

    /** This server's own result for a service, from its status machine; empty while it has none settled. */
    public synchronized Optional<ServiceStatus> own(long objectId) {
        return Optional.ofNullable(services.get(objectId)).filter(t -> t.known).map(t -> t.status);
    }

    /** Called once at startup, before {@link #restore} and outside the lock: the combiner may read the database. */
    void startCombining() {
        combining.start();
    }

    /** Without a container (tests): this combiner, or none. */
    void useCombiner(ServiceCombiner c) {
        combining.use(c);
    }

    /**
     * DARP: services no longer tested here (a slave handed them back to its master, whose results it never hears) show
     * unknown again, as those it stands by for, not a last result nothing would change; a combined one, its combined.
     */
    public synchronized void handedBack(Collection<Long> objectIds) {
        Instant now = Instant.now();
        for (long id : objectIds) {
            services.forget(id); // a next takeover starts afresh
            TreeNode node = graph.tree().byId(id).orElse(null);
            if (node != null && checked(node, Optional.empty(), now, false)) {
                apply(graph.serviceUnknown(id, now));
            }
        }
    }

    /** The service is no longer probed as it was (removed, or its settings changed): start its machine afresh. */
    public void forget(long objectId) {
        services.forget(objectId);
    }

    synchronized void treeReloaded(@Observes TreeReloaded reloaded) {
        apply(graph.reload(reloaded.patchedFrom(), reloaded.current(), reloaded.changed(), Instant.now()));
        stored.reloaded(reloaded);
        forecasts.keep(id -> reloaded.current().byId(id).isPresent());
        // settings that decide combining (darp_mode, darp_tags, darp_gravity, quorums) may have changed
        recombine(combining.combinedIn(graph.tree()));
    }

    /** At startup, before probing: what was stored, then worked out again on the current tree. */
    synchronized void restore(StatusStore.Saved saved, TreeSnapshot tree) {
        Instant now = Instant.now();
        apply(graph.reload(tree, now));
        checks.restore(saved.checks());
        stored.restore(saved.states());
        apply(graph.restore(saved.states(), saved.overrides(), now));
        recombine(combining.combinedIn(graph.tree()));
    }

    /**
     * The standby of a master pair catching up with what the active one stored (issue 16): the stored states replace
     * its own, so its reads are this fresh, and on a takeover it goes on from where the other one stopped.
     */
    synchronized void resync(StatusStore.Saved saved, TreeSnapshot tree) {
        Instant now = Instant.now();
        apply(graph.reload(tree, now));
        services.clear(); // the status machines go on from the stored statuses, not from this server's old ones
        checks.replace(saved.checks());
        stored.replace(saved.states());
        apply(graph.resync(saved.states(), saved.overrides(), now));
        recombine(combining.combinedIn(graph.tree()));
    }

    /** Sets (or with null, removes) an override already stored; false if there was none to remove. */
    public synchronized boolean override(long objectId, UserOverride override) {
        boolean had = graph.override(objectId).isPresent();
        apply(graph.override(objectId, override, Instant.now()));
        wakeup.arrived(); // the writer's next round is due at its expiry
        return override != null || had;
    }

    /** Each writer round: what the last probes changed further out is worked out, overrides expire, buckets close. */
    synchronized void tick(Instant now) {
        apply(graph.settle(now));
        apply(graph.expire(now));
        samples.tick(now);
    }

    /** Holt-Winters forecasters (issue 18), kept and stored by {@link ForecastKeeper}. */
    synchronized <T> T forecasts(java.util.function.Function<Forecasts, T> work) {
        return work.apply(forecasts);
    }

    synchronized StatusBatch drain() {
        return new StatusBatch(changes.drainRows(), samples.drain(), changes.drainEnded());
    }

    /** The batch is committed: its states are what readers see from now on. */
    void stored(StatusBatch batch) {
        stored.stored(batch);
    }

    /** At shutdown: every sample bucket still open, so a restart adds to them rather than losing them. */
    synchronized StatusBatch drainAll() {
        samples.closeAll();
        return drain();
    }

    /** Services checked since their check time was last stored, marked as stored now. */
    List<LastCheck.Mark> checksToStore() {
        return checks.toStore();
    }

    public TreeSnapshot tree() {
        return graph.tree();
    }

    WriterWakeup wakeup() {
        return wakeup;
    }

    public StatusGraph graph() {
        return graph;
    }

    /**
     * The object's state as stored; empty while unknown. While the writer cannot store (the database is away), the
     * state as worked out instead: an operator must see the network as it is now, not as it was when the database
     * went, and every answer then carries the marker that says it is not stored (docs/reliability.md).
     */
    public Optional<ObjectState> state(long objectId) {
        return behind || databaseAway ? graph.state(objectId) : Optional.ofNullable(stored.get(objectId));
    }

    void databaseChanged(@Observes DatabaseAvailability change) {
        databaseAway = !change.available();
    }

    /** Set by the writer when its writes start failing, cleared when its queue is stored. */
    void behind(boolean notStored) {
        behind = notStored;
    }

    /** The object's state as just worked out, perhaps not stored yet (for the answer to a person's own change). */
    public Optional<ObjectState> live(long objectId) {
        return graph.state(objectId);
    }

    public Optional<LastCheck> lastCheck(long objectId) {
        return checks.last(objectId);
    }

    public synchronized Optional<Sample> currentSample(long objectId, Resolution resolution, Instant now) {
        return samples.current(objectId, resolution, now);
    }

    private void apply(Outcome outcome) {
        changes.add(outcome);
    }
}
