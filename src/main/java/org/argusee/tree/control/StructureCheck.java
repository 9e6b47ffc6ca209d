package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what the database constraints normally guarantee, for rows edited around them: names, service
 * types, where objects sit, alias targets. The objects stay in the tree; only a problem is recorded. What depends on
 * the node and its parent alone is kept on the node (a snapshot built from the previous one checks only the new
 * nodes); whether an alias target exists depends on the whole tree and is asked when the problems are listed.
 */
final class StructureCheck {

    private StructureCheck() {}

    /** The node's own problems; {@code parent} is null for Top. */
    static void check(TreeNode node, TreeNode parent) {
        if (parent == null) {
            return;
        }
        List<ConfigProblem> found = new ArrayList<>(0);
        Unames.checkName(node.name()).ifPresent(message -> add(found, node, "name", message));
        if (parent.kind() == ObjectKind.SERVICE || parent.kind() == ObjectKind.ALIAS) {
            add(found, node, "parent", "its parent is a " + parent.kind().label() + ", which cannot hold objects");
        }
        if (node.kind() == ObjectKind.SERVICE) {
            service(found, node, parent);
        } else if (node.kind() == ObjectKind.ALIAS
                && (node.aliasTarget() == null || node.aliasTarget().isBlank())) {
            add(found, node, "target", "an Alias needs the full name of its target");
        }
        node.structureProblems = found.isEmpty() ? List.of() : List.copyOf(found);
    }

    /** The problem of an alias whose target is not in {@code tree}, if any. */
    static Optional<ConfigProblem> aliasTarget(TreeNode node, TreeSnapshot tree) {
        String target = node.aliasTarget();
        if (node.kind() != ObjectKind.ALIAS || node.parentId() == null || target == null || target.isBlank()) {
            return Optional.empty();
        }
        Optional<TreeNode> found = tree.find(target);
        if (found.isEmpty()) {
            return problem(node, "target", "alias target '" + target + "' does not exist");
        } else if (found.get().id() == node.id()) {
            return problem(node, "target", "an Alias cannot point at itself");
        }
        return Optional.empty();
    }

    private static void service(List<ConfigProblem> found, TreeNode node, TreeNode parent) {
        if (parent.kind() == ObjectKind.TOP) {
            add(found, node, "parent", "a Service cannot sit at top level");
        }
        if (node.type() == null || node.type().isBlank()) {
            add(found, node, "type", "a Service needs a type, like TCP/SMTP or Ping");
        } else if (node.serviceType().isEmpty()) {
            try {
                ServiceType.parse(node.type());
            } catch (IllegalArgumentException e) {
                add(found, node, "type", e.getMessage());
            }
        }
    }

    private static Optional<ConfigProblem> problem(TreeNode node, String field, String message) {
        return Optional.of(new ConfigProblem(node.fullName(), field, message));
    }

    private static void add(List<ConfigProblem> found, TreeNode node, String field, String message) {
        found.add(new ConfigProblem(node.fullName(), field, message));
    }
}
