package org.argusee.web.boundary;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.argusee.status.boundary.ChildStatus;
import org.argusee.status.boundary.ObjectView;
import org.argusee.status.boundary.StatusDetail;
import org.argusee.status.boundary.TreeView;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Secrets;
import org.argusee.web.control.Visibility;

/**
 * Takes out of a REST answer what a non-admin may not see: list items (records with a {@code fullName}) of hidden
 * objects, hidden children of an object or a tree, and secret parameter values.
 */
final class ResponseScrubber {

    private ResponseScrubber() {}

    /** @param counts an object's counts as the viewer may see them (nothing hidden counted) */
    static Object scrub(
            Object entity, TreeSnapshot tree, Visibility visible, Function<TreeNode, Map<String, Integer>> counts) {
        if (entity instanceof ObjectView o) {
            return object(o, tree, visible);
        }
        if (visible == Visibility.ALL) {
            return entity;
        }
        if (entity instanceof StatusDetail d) {
            return detail(d, tree, visible, counts);
        }
        if (entity instanceof TreeView t) {
            return treeView(t, tree, visible);
        }
        if (entity instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record) {
            return list.stream()
                    .filter(item -> seen(item, tree, visible))
                    .map(item -> item instanceof ChildStatus c ? child(c, tree, counts) : item)
                    .toList();
        }
        return entity;
    }

    private static ObjectView object(ObjectView o, TreeSnapshot tree, Visibility visible) {
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
                o.status(),
                o.children() == null
                        ? null
                        : o.children().stream()
                                .filter(c -> seen(c.fullName(), tree, visible))
                                .toList(),
                o.warnings(),
                o.version());
    }

    /** Hidden dependencies and ancestors are left out; counts leave out what is hidden. */
    private static StatusDetail detail(
            StatusDetail d, TreeSnapshot tree, Visibility visible, Function<TreeNode, Map<String, Integer>> counts) {
        return new StatusDetail(
                d.fullName(),
                d.kind(),
                d.status(),
                d.displayStatus(),
                d.severity(),
                d.ownSeverity(),
                d.reason(),
                d.result(),
                d.since(),
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
            ChildStatus c, TreeSnapshot tree, Function<TreeNode, Map<String, Integer>> counts) {
        return c.counts() == null
                ? c
                : new ChildStatus(
                        c.fullName(),
                        c.name(),
                        c.kind(),
                        c.status(),
                        c.displayStatus(),
                        c.severity(),
                        c.since(),
                        c.overridden(),
                        recount(c.fullName(), c.counts(), tree, counts));
    }

    private static Map<String, Integer> recount(
            String fullName,
            Map<String, Integer> original,
            TreeSnapshot tree,
            Function<TreeNode, Map<String, Integer>> counts) {
        return tree.find(fullName).map(counts).orElse(original);
    }

    private static TreeView treeView(TreeView t, TreeSnapshot tree, Visibility visible) {
        return new TreeView(
                t.fullName(),
                t.name(),
                t.kind(),
                t.type(),
                t.label(),
                t.status(),
                t.children() == null
                        ? null
                        : t.children().stream()
                                .filter(c -> seen(c.fullName(), tree, visible))
                                .map(c -> treeView(c, tree, visible))
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
