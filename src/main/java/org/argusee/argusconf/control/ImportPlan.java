package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * it; the import carries it out in one transaction. The file's tree lands under a root object of the current tree
 * (Top, or a group, to import a branch): the file's Top stands for the root, whose own parameters it sets; the
 * root itself is never removed, nor anything outside it. {@code details} says, per changed object, what differs
 * ({@link ChangeDetails}).
 */
public record ImportPlan(
        Mode mode,
        List<String> added,
        List<String> changed,
        List<String> removed,
        int unchanged,
        Map<String, List<String>> details) {

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
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ImportPlan between(TreeSnapshot current, TreeSnapshot incoming, Mode mode) {
        return between(current, current.top(), incoming, mode);
    }

    public static ImportPlan between(TreeSnapshot current, TreeNode root, TreeSnapshot incoming, Mode mode) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, List<String>> details = new LinkedHashMap<>();
        int unchanged = 0;
        Set<String> incomingNames = new HashSet<>();
        for (TreeNode node : (Iterable<TreeNode>) incoming.nodes()::iterator) {
            String fullName = placed(root, node);
            incomingNames.add(fullName);
            Optional<TreeNode> existing = current.find(fullName);
            if (existing.isEmpty()) {
                added.add(fullName);
            } else if (node.kind() == ObjectKind.TOP
                    ? parametersDiffer(existing.get(), node, mode)
                    : differs(existing.get(), node, mode)) {
                changed.add(fullName);
                details.put(fullName, ChangeDetails.of(existing.get(), node, mode));
            } else {
                unchanged++;
            }
        }
        List<String> removed = new ArrayList<>();
        if (mode == Mode.REPLACE) {
            String prefix = root.fullName() + ":";
            current.nodes()
                    .filter(n -> n.fullName().startsWith(prefix) && !incomingNames.contains(n.fullName()))
                    .map(TreeNode::fullName)
                    .forEach(removed::add);
        }
        removed.sort(Comparator.naturalOrder());
        return new ImportPlan(mode, added, changed, removed, unchanged, details);
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** Where a node of the file lands in the current tree: its full name with the file's Top replaced by root. */
    public static String placed(TreeNode root, TreeNode node) {
        return node.fullNameUnder(root);
    }

    private static boolean differs(TreeNode now, TreeNode wanted, Mode mode) {
        return now.kind() != wanted.kind()
                || !Objects.equals(now.type(), wanted.type())
                || !Objects.equals(now.aliasTarget(), wanted.aliasTarget())
                || parametersDiffer(now, wanted, mode);
    }

    /** In merge mode an object keeps parameters the file does not mention, so only the file's own must match. */
    private static boolean parametersDiffer(TreeNode now, TreeNode wanted, Mode mode) {
        List<Parameter> have = now.ownParameters();
        List<Parameter> want = wanted.ownParameters();
        return mode == Mode.REPLACE ? !have.equals(want) : !have.containsAll(want);
    }
}
