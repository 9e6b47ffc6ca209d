package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.argusee.status.boundary.ObjectView.ChildView;
import org.argusee.status.boundary.ObjectView.EffectiveParameterView;
import org.argusee.status.boundary.ObjectView.ParameterView;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectVersion;
import org.argusee.tree.control.TreeNode;

/** Builds the API's views of snapshot nodes, with their statuses. */
@ApplicationScoped
public class ObjectViews {

    @Inject
    StatusReader statuses;

    public ObjectView object(TreeNode node, List<String> warnings) {
        List<Long> ids = new ArrayList<>();
        ids.add(node.id());
        node.children().forEach(c -> ids.add(c.id()));
        Map<Long, StatusView> status = statuses.statuses(ids);
        return new ObjectView(
                node.fullName(),
                node.name(),
                node.kind().label(),
                node.type(),
                node.aliasTarget(),
                node.label(),
                node.parentFullName(),
                node.position(),
                node.ownParameters().stream()
                        .map(p -> new ParameterView(p.key(), p.value(), p.local()))
                        .toList(),
                node.effectiveParameters().values().stream()
                        .map(p -> new EffectiveParameterView(p.key(), p.value(), p.source()))
                        .toList(),
                status.getOrDefault(node.id(), StatusView.UNKNOWN),
                children(node, status),
                warnings == null || warnings.isEmpty() ? null : warnings,
                ObjectVersion.of(node));
    }

    public List<ChildView> children(TreeNode node) {
        return children(
                node,
                statuses.statuses(node.children().stream().map(TreeNode::id).toList()));
    }

    private static List<ChildView> children(TreeNode node, Map<Long, StatusView> status) {
        return node.children().stream()
                .map(c -> new ChildView(
                        c.fullName(),
                        c.name(),
                        c.kind().label(),
                        c.type(),
                        c.label(),
                        status.getOrDefault(c.id(), StatusView.UNKNOWN).displayStatus()))
                .toList();
    }

    /** The subtree under {@code root}, {@code depth} levels deep (0: the root alone). */
    public TreeView tree(TreeNode root, int depth) {
        List<Long> ids = new ArrayList<>();
        collect(root, depth, ids);
        return tree(root, depth, statuses.statuses(ids));
    }

    private static void collect(TreeNode node, int depth, List<Long> ids) {
        ids.add(node.id());
        if (depth > 0) {
            node.children().forEach(c -> collect(c, depth - 1, ids));
        }
    }

    private static TreeView tree(TreeNode node, int depth, Map<Long, StatusView> status) {
        List<TreeView> children = depth <= 0 || node.children().isEmpty()
                ? null
                : node.children().stream().map(c -> tree(c, depth - 1, status)).toList();
        return new TreeView(
                node.fullName(),
                node.name(),
                node.kind().label(),
                node.kind() == ObjectKind.SERVICE ? node.type() : null,
                node.label(),
                status.getOrDefault(node.id(), StatusView.UNKNOWN).displayStatus(),
                children);
    }
}
