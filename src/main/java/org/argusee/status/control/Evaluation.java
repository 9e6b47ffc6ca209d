package org.argusee.status.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.argusee.tree.control.TreeNode;

/**
 * Works out one object's state from what it depends on, for {@link StatusGraph}: a service from its status
 * machine, a group or host from its counted children by {@code gravity}, an alias from its target; then what it
 * shows given its override and the objects it {@code depends} on. Only down counts as "not up" for depends: an
 * unknown dependency (never checked, or of a type nothing probes) must not hide a real outage for ever.
 */
final class Evaluation {

    /** The object's own side: status, severity, reason, since when, and what it shows before override/depends. */
    private record Own(Status status, Severity severity, String reason, Instant since, DisplayStatus shown) {}

    private Evaluation() {}

    /** Null when the object is (still) unknown. Overrides that end now are removed and added to {@code ended}. */
    static ObjectState of(
            TreeNode node, ObjectState before, StatusGraph graph, List<EndedOverride> ended, Instant now) {
        long id = node.id();
        UserOverride override = graph.overrideOf(id);
        if (override != null && override.expiredAt(now)) {
            graph.endOverride(id);
            ended.add(new EndedOverride(id, override, "expired"));
            override = null;
        }
        Own own =
                switch (node.kind()) {
                    case SERVICE -> service(id, before, graph);
                    case ALIAS -> alias(id, graph);
                    default -> group(node, graph, now);
                };
        if (own == null) {
            return null;
        }
        if (override != null) {
            Optional<String> end = override.endsAt(before == null ? null : before.status(), own.status(), now);
            if (end.isPresent()) {
                graph.endOverride(id);
                ended.add(new EndedOverride(id, override, end.get()));
                override = null;
            }
        }
        Instant since = before != null && before.status() == own.status() ? before.since() : own.since();
        return new ObjectState(
                own.status(),
                own.severity(),
                shown(node, own, override, graph, now),
                own.reason(),
                since,
                override != null);
    }

    private static Own service(long id, ObjectState before, StatusGraph graph) {
        ServiceStatus s = graph.serviceOf(id);
        if (s != null) {
            // down through other servers' overrides only: shown as an override, as if set here
            DisplayStatus shown = s.isDown() && graph.overriddenElsewhere(id)
                    ? new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null)
                    : null;
            return new Own(
                    s.status(),
                    s.status() == Status.UP ? Severity.CLEAR : s.severity(),
                    s.isDown() ? s.reason() : null,
                    s.since(),
                    shown);
        }
        // known only from storage so far: stays as it was until its next probe
        return before == null
                ? null
                : new Own(before.status(), before.severity(), before.reason(), before.since(), null);
    }

    private static Own alias(long id, StatusGraph graph) {
        ObjectState target = graph.links().aliasTarget(id).map(graph::stateOf).orElse(null);
        return target == null
                ? null
                : new Own(target.status(), target.severity(), target.reason(), target.since(), target.display());
    }

    private static Own group(TreeNode node, StatusGraph graph, Instant now) {
        ChildCounts own = new ChildCounts();
        ChildCounts shown = new ChildCounts();
        boolean counted = false;
        TreeLinks links = graph.links();
        for (TreeNode child : node.children()) {
            if (links.skipped(child.id())) {
                continue;
            }
            counted = true;
            ObjectState s = graph.stateOf(child.id());
            if (s != null) {
                own.add(s.status(), s.status() == Status.UP ? DisplayState.UP : DisplayState.DOWN, s.severity());
                shown.add(s.status(), s.display().state(), s.display().severity());
            }
        }
        if (!counted) {
            return new Own(
                    Status.UP, Severity.CLEAR, null, now, new DisplayStatus(DisplayState.UP, Severity.CLEAR, null));
        }
        if (own.total() == 0) {
            return null;
        }
        String gravity = node.param("gravity").orElse(null);
        GroupStatus byOwn = GroupStatus.combine(own, gravity);
        GroupStatus byShown = GroupStatus.combine(shown, gravity);
        String reason = byOwn.status() == Status.DOWN ? own.down() + " of " + own.total() + " down" : null;
        return new Own(
                byOwn.status(),
                byOwn.status() == Status.DOWN ? byOwn.severity() : Severity.CLEAR,
                reason,
                now,
                new DisplayStatus(byShown.display(), byShown.severity(), null));
    }

    private static DisplayStatus shown(TreeNode node, Own own, UserOverride override, StatusGraph graph, Instant now) {
        List<String> notUp = new ArrayList<>();
        for (long d : graph.links().dependencies(node.id())) {
            ObjectState s = graph.stateOf(d);
            if (s != null && s.status() == Status.DOWN) {
                graph.tree().byId(d).ifPresent(n -> notUp.add(n.fullName()));
            }
        }
        if (own.shown() == null) {
            return DisplayStatus.of(own.status(), own.severity(), override, notUp, now);
        }
        if (own.status() == Status.DOWN && override != null && override.activeAt(now)) {
            return new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null);
        }
        if (own.shown().state() == DisplayState.DOWN && !notUp.isEmpty()) {
            return new DisplayStatus(DisplayState.DEPENDS, Severity.WARNING, notUp.get(0));
        }
        return new DisplayStatus(
                own.shown().state(), own.shown().severity(), own.shown().culprit());
    }
}
