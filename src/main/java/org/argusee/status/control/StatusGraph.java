package org.argusee.status.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The status of every object of the tree, kept in memory and worked out again wherever something it depends on
 * changed: a service's own status (from the probes), a child's (for its group, by {@code gravity}), an alias's
 * target, a {@code depends} object, an override. Changes spread outwards through a work list, deepest objects
 * first (each group after its children), never by recursion (trees can be thousands deep), and only as far as
 * something changes. A probe's result is applied to its service at once, but what it changes further out waits
 * for {@link #settle}: a group of 1,000 services whose statuses all become known in the same second is then
 * worked out a few times, not 1,000 times.
 * <p>
 * One writer at a time (the caller serialises them); readers may read states and overrides at any time.
 */
public final class StatusGraph {

    private static final Logger LOG = Logger.getLogger(StatusGraph.class.getName());

    private volatile TreeSnapshot tree = TreeSnapshot.empty();
    private volatile TreeLinks links = TreeLinks.of(tree);
    private final ConcurrentLongMap<ObjectState> states = new ConcurrentLongMap<>();
    private final ConcurrentLongMap<ServiceStatus> services = new ConcurrentLongMap<>();
    private final Map<Long, UserOverride> overrides = new ConcurrentHashMap<>();
    /** Services down only through other servers' overrides (a DARP master's combined status): they show override. */
    private final Set<Long> overriddenElsewhere = ConcurrentHashMap.newKeySet();

    private final Set<String> reported = new HashSet<>();
    private Set<Long> unsettled = new HashSet<>();
    /** Counts what may change a service's state beside its own status ({@link #epoch}); under the writer's lock. */
    private long epoch;

    public TreeSnapshot tree() {
        return tree;
    }

    public TreeLinks links() {
        return links;
    }

    /**
     * Changes with everything that may change a service's state other than its own status: a new tree (links),
     * states restored, an override set or ended, an override elsewhere. Not with {@link #settle}, which never
     * works out a service that {@link #followsOwnStatus}. While it stays and such a service's status does too, the
     * service's state stays as {@link #serviceChecked} left it: a reply that changes nothing need not be worked out.
     */
    public long epoch() {
        return epoch;
    }

    /** The service's state follows from its own status alone: no override, no {@code depends}, none elsewhere. */
    public boolean followsOwnStatus(long id) {
        return overrides.get(id) == null
                && !overriddenElsewhere.contains(id)
                && links.dependencies(id).isEmpty();
    }

    /** Empty while the object is unknown. */
    public Optional<ObjectState> state(long id) {
        return Optional.ofNullable(states.get(id));
    }

    public Optional<UserOverride> override(long id) {
        return Optional.ofNullable(overrides.get(id));
    }

    public Map<Long, UserOverride> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /**
     * What the status machine should continue from for this service: its last status, or the one stored before
     * a restart or a change of its settings, so neither makes a down service look up for a while.
     */
    public Optional<ServiceStatus> service(long id) {
        ServiceStatus s = services.get(id);
        if (s != null) {
            return Optional.of(s);
        }
        return Optional.ofNullable(states.get(id)).map(ObjectState::asService);
    }

    /** The nearest ancestor under an override in force, if any: its children show "ancestor in override". */
    public Optional<TreeNode> overriddenAncestor(long id, Instant now) {
        TreeNode node = tree.byId(id).orElse(null);
        for (TreeNode p = node == null ? null : tree.parent(node); p != null; p = tree.parent(p)) {
            UserOverride o = overrides.get(p.id());
            if (o != null && o.activeAt(now)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** States and overrides as stored before a restart; everything is worked out again from them. */
    public Outcome restore(Map<Long, ObjectState> saved, Map<Long, UserOverride> savedOverrides, Instant now) {
        states.putAll(saved);
        overrides.putAll(savedOverrides);
        return run(ReloadScope.everything(tree), now);
    }

    /**
     * As {@link #restore}, but replacing everything held, the services' last statuses too: what the other server of
     * a master pair stored (issue 16). A server that was active before must not go on from its own old statuses.
     */
    public Outcome resync(Map<Long, ObjectState> saved, Map<Long, UserOverride> savedOverrides, Instant now) {
        services.clear();
        states.clear();
        overrides.clear();
        return restore(saved, savedOverrides, now);
    }

    /** A new picture of the tree: objects gone are forgotten, everything else is worked out again. */
    public Outcome reload(TreeSnapshot next, Instant now) {
        return reload(null, next, Set.of(), now);
    }

    /**
     * As {@link #reload(TreeSnapshot, Instant)}, but when {@code changed} names the objects whose rows changed (a
     * change's subtrees, deleted ones too; empty: unknown) only what they can affect ({@link ReloadScope}) is worked
     * out again (issue 17); the rest spreads through the work list as usual. With no pass over the whole tree
     * ({@link LinksPatch}) if {@code next} was patched from {@code patchedFrom}, this graph's tree, over {@code changed}.
     */
    public Outcome reload(TreeSnapshot patchedFrom, TreeSnapshot next, Set<Long> changed, Instant now) {
        if (next == tree || next.revision() < tree.revision()) {
            return Outcome.NONE;
        }
        TreeSnapshot previous = tree;
        TreeLinks previousLinks = links;
        tree = next;
        Collection<Long> start;
        if (patchedFrom == previous && !changed.isEmpty()) {
            start = LinksPatch.apply(links, previous, next, changed);
            changed.stream().filter(id -> next.byId(id).isEmpty()).forEach(this::forget);
            unsettled.stream().filter(id -> next.byId(id).isPresent()).forEach(start::add);
        } else {
            links = TreeLinks.of(next);
            states.removeKeysIf(id -> next.byId(id).isEmpty());
            services.removeKeysIf(id -> next.byId(id).isEmpty());
            overrides.keySet().removeIf(id -> next.byId(id).isEmpty());
            overriddenElsewhere.removeIf(id -> next.byId(id).isEmpty());
            start = ReloadScope.of(previous, previousLinks, next, links, changed, unsettled);
        }
        links.problems().stream().filter(reported::add).forEach(p -> LOG.warning(() -> "Status: " + p));
        unsettled.clear();
        return run(start, now);
    }

    private void forget(long id) {
        states.remove(id);
        services.remove(id);
        overrides.remove(id);
        overriddenElsewhere.remove(id);
    }

    /** The service's own state now; what that changes for others at the next {@link #settle}. */
    public Outcome serviceChecked(long id, ServiceStatus status, Instant now) {
        return serviceChecked(tree.byId(id).orElse(null), new JointStatus(status, false), now);
    }

    /**
     * As {@link #serviceChecked(long, ServiceStatus, Instant)}, for a status several servers gave together (one down
     * only through their overrides shows override, with no override set here), given the service's node in {@link
     * #tree()} (null: not in it) that the caller looked up under the same lock: one look-up a reply, not two.
     */
    public Outcome serviceChecked(TreeNode node, JointStatus status, Instant now) {
        if (node == null || !status.known()) {
            return Outcome.NONE;
        }
        long id = node.id();
        services.put(id, status.status());
        if (status.overridden()
                ? overriddenElsewhere.add(id)
                : !overriddenElsewhere.isEmpty() && overriddenElsewhere.remove(id)) {
            epoch++;
        }
        return checked(node, now);
    }

    /**
     * The service has no status of its own any more (a DARP slave handed it back to its master): unknown again, as
     * before it was first checked. Its override, a person's, stays. What that changes further out waits for settle.
     */
    public Outcome serviceUnknown(long id, Instant now) {
        TreeNode node = tree.byId(id).orElse(null);
        services.remove(id);
        if (overriddenElsewhere.remove(id)) {
            epoch++;
        }
        ObjectState before = node == null || node.kind() != ObjectKind.SERVICE ? null : states.remove(id);
        if (before == null) {
            return Outcome.NONE;
        }
        unsettled.addAll(links.affectedBy(node, before, null));
        return new Outcome(List.of(new StateChange(id, before, null, now)), List.of());
    }

    /**
     * The run of one checked service, deferred: only it is worked out now, what it affects waits for settle. The
     * same steps as {@link #run} without its work list, which a deferred run never follows: this is once per probe,
     * and a probe's status rarely changes (the profile of issue 17 showed the list's allocations per probe). The node is
     * the one {@link #serviceChecked} looked up: a look-up in the tree's boxed map was a fifth of a reply's samples.
     */
    private Outcome checked(TreeNode node, Instant now) {
        long id = node.id();
        List<EndedOverride> ended = new ArrayList<>(0);
        ObjectState before = states.get(id);
        ObjectState after = Evaluation.of(node, before, this, ended, now);
        if (Objects.equals(after, before)) {
            return ended.isEmpty() ? Outcome.NONE : new Outcome(List.of(), ended);
        }
        setState(id, after);
        unsettled.addAll(links.affectedBy(node, before, after));
        return new Outcome(List.of(new StateChange(id, before, after, now)), ended);
    }

    /** Works out what the services checked since the last call changed further out. */
    public Outcome settle(Instant now) {
        if (unsettled.isEmpty()) {
            return Outcome.NONE;
        }
        List<Long> start = new ArrayList<>(unsettled);
        unsettled = new HashSet<>();
        return spread(start, now);
    }

    /** Sets ({@code override} not null) or removes an object's override. */
    public Outcome override(long id, UserOverride override, Instant now) {
        if (tree.byId(id).isEmpty() || (override == null && overrides.remove(id) == null)) {
            return Outcome.NONE;
        }
        if (override != null) {
            overrides.put(id, override);
        }
        return run(List.of(id), now);
    }

    /** Ends the overrides whose time is up. */
    public Outcome expire(Instant now) {
        List<Long> expired = overrides.entrySet().stream()
                .filter(e -> e.getValue().expiredAt(now))
                .map(Map.Entry::getKey)
                .toList();
        return expired.isEmpty() ? Outcome.NONE : run(expired, now);
    }

    private Outcome run(Collection<Long> start, Instant now) {
        epoch++; // may work out any object: a reload, a restore, an override; settle's parents and dependants are not
        return spread(start, now);
    }

    private Outcome spread(Collection<Long> start, Instant now) {
        return WorkList.run(this, start, now);
    }

    // for Evaluation and WorkList
    ObjectState stateOf(long id) {
        return states.get(id);
    }

    void setState(long id, ObjectState state) {
        if (state == null) {
            states.remove(id);
        } else {
            states.put(id, state);
        }
    }

    ServiceStatus serviceOf(long id) {
        return services.get(id);
    }

    boolean overriddenElsewhere(long id) {
        return overriddenElsewhere.contains(id);
    }

    UserOverride overrideOf(long id) {
        return overrides.get(id);
    }

    void endOverride(long id) {
        epoch++;
        overrides.remove(id);
    }
}
