package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * What importing a configuration would do to the tree, object by full name: added, changed (kind, type, alias
 * target or own parameters differ), removed (replace mode only: whatever the file no longer has). The dry run shows
 * it; the import carries it out in one transaction. Top is compared by its parameters only and never removed.
 */
public record ImportPlan(Mode mode, List<String> added, List<String> changed, List<String> removed, int unchanged) {

    public enum Mode {
        /** The tree becomes exactly the file's. */
        REPLACE,
        /** Objects of the file are added or updated; nothing is deleted. */
        MERGE
    }

    public ImportPlan {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public static ImportPlan between(TreeSnapshot current, TreeSnapshot incoming, Mode mode) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        Set<String> incomingNames = new HashSet<>();
        for (TreeNode node : (Iterable<TreeNode>) incoming.nodes()::iterator) {
            incomingNames.add(node.fullName());
            Optional<TreeNode> existing = current.find(node.fullName());
            if (existing.isEmpty()) {
                added.add(node.fullName());
            } else if (differs(existing.get(), node, mode)) {
                changed.add(node.fullName());
            } else {
                unchanged++;
            }
        }
        List<String> removed = new ArrayList<>();
        if (mode == Mode.REPLACE) {
            current.nodes()
                    .filter(n -> n.kind() != ObjectKind.TOP && !incomingNames.contains(n.fullName()))
                    .map(TreeNode::fullName)
                    .forEach(removed::add);
        }
        removed.sort(Comparator.naturalOrder());
        return new ImportPlan(mode, added, changed, removed, unchanged);
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** In merge mode an object keeps parameters the file does not mention, so only the file's own must match. */
    private static boolean differs(TreeNode now, TreeNode wanted, Mode mode) {
        if (now.kind() != wanted.kind() || !Objects.equals(now.type(), wanted.type())
                || !Objects.equals(now.aliasTarget(), wanted.aliasTarget())) {
            return true;
        }
        List<Parameter> have = now.ownParameters();
        List<Parameter> want = wanted.ownParameters();
        return mode == Mode.REPLACE ? !have.equals(want) : !have.containsAll(want);
    }
}
