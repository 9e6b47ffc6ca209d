package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The configuration problems a new snapshot has that the previous one did not: logged once each as the tree changes,
 * so a problem that stays is not logged again after every change.
 * <p>
 * After a patched change (issue 17) only the changed objects and the aliases pointing at their full names, before or
 * after, are looked at: every other object is the same node at the same full name, and its alias target resolves as
 * before (the index changed only at the changed objects' names), so its problems were there before. Listing both
 * snapshots' problems instead is a walk of the whole tree as soon as one object has a problem or is an alias.
 */
public final class NewProblems {

    private static final Logger LOG = Logger.getLogger(NewProblems.class.getName());

    private NewProblems() {}

    /**
     * Logs, as a warning each, the problems of {@code next} that {@code previous} did not have ({@link #of}).
     */
    public static void log(TreeSnapshot previous, TreeSnapshot next, Set<Long> changed, boolean patched) {
        for (ConfigProblem p : of(previous, next, changed, patched)) {
            LOG.warning(() -> "Configuration problem in " + p.object() + " (" + p.field() + "): " + p.message());
        }
    }

    /**
     * The problems of {@code next} that {@code previous} did not have, in {@code next}'s order.
     *
     * @param patched whether {@code next} was built from {@code previous} over {@code changed} (as
     *     {@code TreeReloaded.patched} says); if not, both snapshots' problems are compared whole
     */
    public static List<ConfigProblem> of(TreeSnapshot previous, TreeSnapshot next, Set<Long> changed, boolean patched) {
        return patched && !changed.isEmpty() ? between(previous, next, changed) : between(previous, next);
    }

    /** The problems of {@code next} that {@code previous} did not have, in {@code next}'s order. */
    static List<ConfigProblem> between(TreeSnapshot previous, TreeSnapshot next) {
        Set<ConfigProblem> known = new HashSet<>(previous.problems());
        List<ConfigProblem> found = new ArrayList<>();
        for (ConfigProblem p : next.problems()) {
            if (!known.contains(p)) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * As {@link #between(TreeSnapshot, TreeSnapshot)} for {@code next} built from {@code previous} over {@code
     * changed}, from the changed objects and the aliases that may point at them alone.
     */
    static List<ConfigProblem> between(TreeSnapshot previous, TreeSnapshot next, Set<Long> changed) {
        if (!previous.complete() || !next.complete()) {
            return between(previous, next); // problems without a node; a patched snapshot has none
        }
        List<TreeNode> looked = inPreorder(next, candidates(previous, next, changed));
        // in next.problems()'s order: each node's structure and alias target, then each node's parameters
        List<ConfigProblem> found = new ArrayList<>();
        List<ConfigProblem> parameters = new ArrayList<>();
        for (TreeNode node : looked) {
            List<ConfigProblem> now = new ArrayList<>(node.structureProblems);
            StructureCheck.aliasTarget(node, next).ifPresent(now::add);
            if (now.isEmpty() && node.parameterProblems.isEmpty()) {
                continue;
            }
            // a problem names its object's full name: the previous node of that name alone may have had it
            Set<ConfigProblem> before = new HashSet<>();
            previous.find(node.fullName()).ifPresent(old -> {
                before.addAll(old.structureProblems);
                StructureCheck.aliasTarget(old, previous).ifPresent(before::add);
                before.addAll(old.parameterProblems);
            });
            now.stream().filter(p -> !before.contains(p)).forEach(found::add);
            node.parameterProblems.stream().filter(p -> !before.contains(p)).forEach(parameters::add);
        }
        found.addAll(parameters);
        return found;
    }

    /** The changed objects in {@code next} that may have a problem, and the aliases whose target may have moved. */
    private static Collection<TreeNode> candidates(TreeSnapshot previous, TreeSnapshot next, Set<Long> changed) {
        Map<Long, TreeNode> out = new HashMap<>();
        for (long id : changed) {
            TreeNode now = next.ids().get(id);
            if (now != null && now.flagged()) {
                out.put(id, now);
            }
            for (TreeNode named : new TreeNode[] {previous.ids().get(id), now}) {
                if (named == null) {
                    continue;
                }
                for (long alias : next.aliases().pointingAt(named.fullNameHash())) {
                    TreeNode a = next.ids().get(alias);
                    if (a != null && named.place().hasFullName(a.aliasTarget())) {
                        out.put(alias, a);
                    }
                }
            }
        }
        return out.values();
    }

    /** Sorted as {@link TreeSnapshot#nodes()} lists them: by the path from Top, siblings in their order. */
    private static List<TreeNode> inPreorder(TreeSnapshot tree, Collection<TreeNode> nodes) {
        Map<TreeNode, List<TreeNode>> paths = new HashMap<>();
        for (TreeNode node : nodes) {
            List<TreeNode> path = new ArrayList<>();
            for (TreeNode n = node; n != null; n = tree.parent(n)) {
                path.add(0, n);
            }
            paths.put(node, path);
        }
        Comparator<TreeNode> byPath = (a, b) -> {
            List<TreeNode> pa = paths.get(a);
            List<TreeNode> pb = paths.get(b);
            for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
                int c = TreeNode.ORDER.compare(pa.get(i), pb.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(pa.size(), pb.size()); // an ancestor before what is under it
        };
        List<TreeNode> sorted = new ArrayList<>(nodes);
        sorted.sort(byPath);
        return sorted;
    }
}
