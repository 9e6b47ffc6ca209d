package org.argusee.probe.boundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.local.DarpWatchMonitor;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TimeValue;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Works out, from a service's node in the tree, how the {@link Scheduler} probes it: its monitor, parameters and
 * spec, how often, and whether this server tests it (DARP). No timers here: this part is the same whether the
 * service is new, changed, or only looked at again.
 */
final class ServicePlanner {

    private static final Logger LOG = Logger.getLogger(ServicePlanner.class.getName());

    /**
     * What a service would be probed with; its type and parameters decide all of it ({@link #sameAs}). {@code
     * params} is one immutable map, the very one in {@code spec} and handed to the status board at each reply: a
     * service keeps one copy of its parameters here, not three (a sorted map, the spec's copy and a text of both as
     * its fingerprint were most of the scheduler's memory per service at 100,000 services, docs/benchmarks.md).
     */
    record Plan(
            String type, Map<String, String> params, Monitor monitor, ProbeSpec spec, String problem, String watches) {

        /** The type and parameters as text, sorted by key: for tests and logs, not kept. */
        String fingerprint() {
            return type + new TreeMap<>(params);
        }
    }

    /** A service to schedule, afresh or again, with how it is probed. */
    record Entry(TreeNode node, Plan plan) {}

    /**
     * What a tree changes against what is scheduled: the services new or changed (type, parameters, full name),
     * the ones no longer probed, and per type how many services no monitor handles (for the log).
     */
    record Changes(List<Entry> toSchedule, Set<Long> gone, Map<String, Integer> notProbed) {}

    private final Monitors monitors;
    private final ProbeDuty duty;

    ServicePlanner(Monitors monitors, ProbeDuty duty) {
        this.monitors = monitors;
        this.duty = duty;
    }

    /** Compares every service of the tree with what is scheduled now. */
    Changes changes(TreeSnapshot tree, ConcurrentLongMap<Scheduled> scheduled) {
        List<Entry> toSchedule = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Map<String, Integer> notProbed = new TreeMap<>();
        tree.nodes().forEach(node -> compare(node, scheduled, toSchedule, seen, notProbed));
        Set<Long> gone = new HashSet<>();
        for (long id : scheduled.keys()) {
            if (!seen.contains(id)) {
                gone.add(id);
            }
        }
        return new Changes(toSchedule, gone, notProbed);
    }

    /**
     * The same changes as {@link #changes(TreeSnapshot, ConcurrentLongMap)} when {@code scheduled} is what planning
     * {@code previous} left and {@code changed} names every object whose rows differ between the two (issue 17),
     * looking only at those and at the objects that came into the tree without a change of their own (the loser of a
     * name clash when the winner goes, a subtree a cycle held out): any other service has the same type, parameters
     * (its ancestors' rows are the same) and full name as when planned. {@code notProbed} counts only the services
     * looked at.
     */
    Changes changes(
            TreeSnapshot previous, TreeSnapshot tree, Set<Long> changed, ConcurrentLongMap<Scheduled> scheduled) {
        List<Entry> toSchedule = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Map<String, Integer> notProbed = new TreeMap<>();
        Set<Long> look = new HashSet<>(changed);
        tree.nodes().filter(n -> previous.byId(n.id()).isEmpty()).forEach(n -> look.add(n.id()));
        Set<Long> gone = new HashSet<>();
        for (long id : look) {
            Optional<TreeNode> node = tree.byId(id);
            node.ifPresent(n -> compare(n, scheduled, toSchedule, seen, notProbed));
            if (!seen.contains(id) && scheduled.containsKey(id)) {
                gone.add(id);
            }
        }
        // and whatever left the tree without a change of its own (a name clash's new loser)
        for (long id : scheduled.keys()) {
            if (tree.byId(id).isEmpty()) {
                gone.add(id);
            }
        }
        return new Changes(toSchedule, gone, notProbed);
    }

    /** Whether {@code node}, if a service, is probed ({@code seen}) and must be scheduled afresh. */
    private void compare(
            TreeNode node,
            ConcurrentLongMap<Scheduled> scheduled,
            List<Entry> toSchedule,
            Set<Long> seen,
            Map<String, Integer> notProbed) {
        if (node.kind() != ObjectKind.SERVICE) {
            return;
        }
        Optional<Plan> plan = plan(node);
        if (plan.isEmpty()) {
            notProbed.merge(node.type(), 1, Integer::sum);
            return;
        }
        seen.add(node.id());
        Scheduled current = scheduled.get(node.id());
        if (current == null
                || !current.sameAs(plan.get())
                || !current.fullName().equals(node.fullName())) {
            toSchedule.add(new Entry(node, plan.get()));
        }
    }

    /**
     * How a service is probed, if a monitor handles it. Settings that cannot make a spec are still probed, so the
     * service shows down with the reason why.
     */
    Optional<Plan> plan(TreeNode node) {
        Monitor monitor = node.serviceType().flatMap(monitors::forType).orElse(null);
        if (monitor == null) {
            return Optional.empty();
        }
        Map<String, String> values = values(node);
        if (monitor == monitors.watch()) {
            // the link's state is judged already, over its heartbeat timeout: retries would only delay it by
            // retries x frequency, as the original's DARP/Watch, which is set up or down directly, never retries
            values.put("retries", "0");
        }
        Map<String, String> params = Map.copyOf(values); // ProbeSpec.of keeps this very map (copyOf of a copy)
        String type = node.type();
        Optional<String> refused = refusal(node);
        if (refused.isPresent()) {
            return Optional.of(new Plan(type, params, monitor, null, refused.get(), null));
        }
        try {
            ProbeSpec spec = ProbeSpec.of(node.serviceType().orElseThrow(), params);
            return monitor.handles(spec)
                    ? Optional.of(new Plan(
                            type,
                            params,
                            monitor,
                            spec,
                            null,
                            DarpWatchMonitor.watched(spec).orElse(null)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Plan(type, params, monitor, null, e.getMessage(), null));
        }
    }

    /**
     * The service's DARP duty, from its parameters (a change of them replans it: {@link Plan#params}). A
     * duty that cannot be worked out is logged and the service tested, as without DARP: better probed twice than
     * by nobody.
     */
    ProbeDuty.Assignment assign(TreeNode node) {
        try {
            return duty.assign(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP duty of " + node.fullName() + " cannot be worked out; tested here", e);
            return ProbeDuty.Assignment.ALWAYS;
        }
    }

    /** Why the duty refuses the service, if it does; a duty that fails here refuses nothing (logged). */
    private Optional<String> refusal(TreeNode node) {
        try {
            return duty.refusal(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DARP refusal of " + node.fullName() + " cannot be worked out; tested here", e);
            return Optional.empty();
        }
    }

    /** The service's frequency in ms: at least a second; 60 s when unset or unreadable. */
    static long frequencyMillis(TreeNode node) {
        String text = node.param("frequency").orElse("60");
        try {
            return Math.max(1000, TimeValue.parseSeconds(text) * 1000);
        } catch (IllegalArgumentException e) {
            return 60_000;
        }
    }

    private static Map<String, String> values(TreeNode node) {
        Map<String, String> values = new TreeMap<>();
        node.effectiveParameters().forEach((key, p) -> values.put(key, p.value()));
        return values;
    }
}
