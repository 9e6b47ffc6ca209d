package org.argusee.web.boundary;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.argusee.status.boundary.ChildStatus;
import org.argusee.status.boundary.ObjectView;
import org.argusee.status.boundary.StatusDetail;
import org.argusee.status.boundary.StatusView;
import org.argusee.status.boundary.TreeView;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.StatusCounts;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Secrets;
import org.argusee.web.control.SeenStates;
import org.argusee.web.control.Visibility;

/**
 * Takes out of a REST answer what a non-admin may not see: list items (records with a {@code fullName}) of hidden
 * objects, hidden children of an object or a tree, and secret parameter values; the status, counts and reason of a
 * group with something hidden under it are replaced by what the caller sees of it ({@link SeenStates}).
 */
final class ResponseScrubber {

    private ResponseScrubber() {}

    /** @param seen the caller's view: what they see, and the states as they see them */
    static Object scrub(Object entity, TreeSnapshot tree, SeenStates seen) {
        Visibility visible = seen.visibility();
        Function<TreeNode, Map<String, Integer>> counts = n -> StatusCounts.under(n, seen::state, visible::sees);
        if (entity instanceof ObjectView o) {
            return object(o, tree, seen);
        }
        if (visible == Visibility.ALL) {
            return entity;
        }
        if (entity instanceof StatusDetail d) {
            return detail(d, tree, seen, counts);
        }
        if (entity instanceof TreeView t) {
            return treeView(t, tree, seen);
        }
        if (entity instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record) {
            return list.stream()
                    .filter(item -> seen(item, tree, visible))
                    .map(item -> item instanceof ChildStatus c ? child(c, tree, seen, counts) : item)
                    .toList();
        }
        return entity;
    }

    private static ObjectView object(ObjectView o, TreeSnapshot tree, SeenStates seen) {
        Visibility visible = seen.visibility();
        return new ObjectView(
                o.fullName(),
                o.name(),
                o.kind(),
                o.type(),
                o.target(),
                o.label(),
                o.parent(),
                o.position(),
                o.parameters() == null
                        ? null
                        : o.parameters().stream()
                                .map(p -> new ObjectView.ParameterView(
                                        p.key(), Secrets.mask(p.key(), p.value()), p.local()))
                                .toList(),
                o.effectiveParameters() == null
                        ? null
                        : o.effectiveParameters().stream()
                                .map(p -> new ObjectView.EffectiveParameterView(
                                        p.key(), Secrets.mask(p.key(), p.value()), p.source()))
                                .toList(),
                partial(o.fullName(), tree, seen)
                        .map(n -> statusView(o.status(), seen.state(n), seen.since(n)))
                        .orElse(o.status()),
                o.children() == null
                        ? null
                        : o.children().stream()
                                .filter(c -> seen(c.fullName(), tree, visible))
                                .map(c -> partial(c.fullName(), tree, seen)
                                        .map(n -> new ObjectView.ChildView(
                                                c.fullName(),
                                                c.name(),
                                                c.kind(),
                                                c.type(),
                                                c.label(),
                                                display(seen.state(n))))
                                        .orElse(c))
                                .toList(),
                o.warnings(),
                o.version());
    }

    /** Hidden dependencies and ancestors are left out; counts leave out what is hidden. */
    private static StatusDetail detail(
            StatusDetail d, TreeSnapshot tree, SeenStates seen, Function<TreeNode, Map<String, Integer>> counts) {
        Visibility visible = seen.visibility();
        TreeNode partial = partial(d.fullName(), tree, seen).orElse(null);
        ObjectState s = partial == null ? null : seen.state(partial);
        return new StatusDetail(
                d.fullName(),
                d.kind(),
                partial == null ? d.status() : status(s),
                partial == null ? d.displayStatus() : display(s),
                partial == null ? d.severity() : severity(s),
                partial == null
                        ? d.ownSeverity()
                        : s == null ? null : s.severity().label(),
                partial == null ? d.reason() : s == null ? null : s.reason(),
                d.result(),
                partial == null ? d.since() : seen.since(partial),
                d.checkedAt(),
                d.elapsedMs(),
                d.failures(),
                d.lastFailure(),
                seen(d.dependsOn(), tree, visible) ? d.dependsOn() : null,
                d.depends() == null
                        ? null
                        : d.depends().stream()
                                .filter(x -> seen(x.fullName(), tree, visible))
                                .toList(),
                d.override(),
                seen(d.ancestorOverride(), tree, visible) ? d.ancestorOverride() : null,
                d.counts() == null ? null : recount(d.fullName(), d.counts(), tree, counts));
    }

    private static ChildStatus child(
            ChildStatus c, TreeSnapshot tree, SeenStates seen, Function<TreeNode, Map<String, Integer>> counts) {
        if (c.counts() == null) {
            return c;
        }
        TreeNode partial = partial(c.fullName(), tree, seen).orElse(null);
        ObjectState s = partial == null ? null : seen.state(partial);
        return new ChildStatus(
                c.fullName(),
                c.name(),
                c.kind(),
                partial == null ? c.status() : status(s),
                partial == null ? c.displayStatus() : display(s),
                partial == null ? c.severity() : severity(s),
                partial == null ? c.since() : seen.since(partial),
                c.overridden(),
                recount(c.fullName(), c.counts(), tree, counts));
    }

    /** The object, when the caller sees it only in part (something under it is hidden). */
    private static Optional<TreeNode> partial(String fullName, TreeSnapshot tree, SeenStates seen) {
        return fullName == null ? Optional.empty() : tree.find(fullName).filter(seen.visibility()::hidesUnder);
    }

    private static StatusView statusView(StatusView real, ObjectState s, Instant since) {
        return new StatusView(
                status(s),
                display(s),
                severity(s),
                s == null ? null : s.reason(),
                real == null ? null : real.result(),
                since,
                real == null ? null : real.checkedAt());
    }

    private static String status(ObjectState s) {
        return s == null ? StatusView.UNKNOWN_LABEL : s.status().label();
    }

    private static String display(ObjectState s) {
        return s == null ? StatusView.UNKNOWN_LABEL : s.display().state().label();
    }

    private static String severity(ObjectState s) {
        return s == null ? null : s.display().severity().label();
    }

    private static Map<String, Integer> recount(
            String fullName,
            Map<String, Integer> original,
            TreeSnapshot tree,
            Function<TreeNode, Map<String, Integer>> counts) {
        return tree.find(fullName).map(counts).orElse(original);
    }

    private static TreeView treeView(TreeView t, TreeSnapshot tree, SeenStates seen) {
        return new TreeView(
                t.fullName(),
                t.name(),
                t.kind(),
                t.type(),
                t.label(),
                partial(t.fullName(), tree, seen)
                        .map(n -> display(seen.state(n)))
                        .orElse(t.status()),
                t.children() == null
                        ? null
                        : t.children().stream()
                                .filter(c -> seen(c.fullName(), tree, seen.visibility()))
                                .map(c -> treeView(c, tree, seen))
                                .toList());
    }

    private static boolean seen(Object item, TreeSnapshot tree, Visibility visible) {
        for (RecordComponent c : item.getClass().getRecordComponents()) {
            if (c.getName().equals("fullName") && c.getType() == String.class) {
                try {
                    return seen((String) c.getAccessor().invoke(item), tree, visible);
                } catch (ReflectiveOperationException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean seen(String fullName, TreeSnapshot tree, Visibility visible) {
        TreeNode node = fullName == null ? null : tree.find(fullName).orElse(null);
        return node == null || visible.sees(node);
    }
}
