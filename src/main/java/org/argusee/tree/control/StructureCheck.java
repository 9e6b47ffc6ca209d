package org.argusee.tree.control;

import java.util.Optional;

/**
 * Checks what the database constraints normally guarantee, for rows edited around them: names, service
 * types, where objects sit, alias targets. The objects stay in the tree; only a problem is recorded.
 */
final class StructureCheck {

    private final FullNameIndex index;
    private final ProblemLog problems;

    StructureCheck(FullNameIndex index, ProblemLog problems) {
        this.index = index;
        this.problems = problems;
    }

    void check(TreeNode node) {
        TreeNode parent = node.parent();
        if (parent == null) {
            return;
        }
        Unames.checkName(node.name()).ifPresent(message -> add(node, "name", message));
        if (parent.kind() == ObjectKind.SERVICE || parent.kind() == ObjectKind.ALIAS) {
            add(node, "parent", "its parent is a " + parent.kind().label() + ", which cannot hold objects");
        }
        switch (node.kind()) {
            case SERVICE -> service(node, parent);
            case ALIAS -> alias(node);
            default -> {}
        }
    }

    private void service(TreeNode node, TreeNode parent) {
        if (parent.kind() == ObjectKind.TOP) {
            add(node, "parent", "a Service cannot sit at top level");
        }
        if (node.type() == null || node.type().isBlank()) {
            add(node, "type", "a Service needs a type, like TCP/SMTP or Ping");
        } else if (node.serviceType().isEmpty()) {
            try {
                ServiceType.parse(node.type());
            } catch (IllegalArgumentException e) {
                add(node, "type", e.getMessage());
            }
        }
    }

    private void alias(TreeNode node) {
        String target = node.aliasTarget();
        if (target == null || target.isBlank()) {
            add(node, "target", "an Alias needs the full name of its target");
            return;
        }
        Optional<TreeNode> found = index.find(target);
        if (found.isEmpty()) {
            add(node, "target", "alias target '" + target + "' does not exist");
        } else if (found.get() == node) {
            add(node, "target", "an Alias cannot point at itself");
        }
    }

    private void add(TreeNode node, String field, String message) {
        problems.add(node.fullName(), field, message);
    }
}
