package org.argusee.web.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.StatusCounts;
import org.argusee.status.control.TreeLinks;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/**
 * The counts beside every group of a (visible) subtree from one walk, as {@link StatusCounts#under} gives them for
 * one group: each group's are its children's added up. The summary at 100,000 services walked the tree three times
 * and more (the problems, then the counts under Top, then again under each group among the 200 rows: the bench's
 * group alone is the whole tree), which on a loaded machine was most of the dashboard's first load.
 */
public final class SubtreeCounts {

    public static final List<String> KEYS = List.of("up", "down", "override", "depends", StatusCounts.UNKNOWN);

    private final Map<Long, int[]> byGroup = new HashMap<>();

    private SubtreeCounts() {}

    /**
     * Walks {@code root}'s subtree once, depth first in tree order, skipping what {@code visible} refuses (and all
     * under it); {@code each} gets every visible object on the way down.
     */
    public static SubtreeCounts walk(
            TreeNode root,
            Function<TreeNode, ObjectState> states,
            Predicate<TreeNode> visible,
            Consumer<TreeNode> each) {
        SubtreeCounts counts = new SubtreeCounts();
        if (!visible.test(root)) {
            return counts;
        }
        Deque<TreeNode> todo = new ArrayDeque<>();
        Deque<TreeNode> done = new ArrayDeque<>(); // groups in an order where children come before their parent
        todo.push(root);
        while (!todo.isEmpty()) {
            TreeNode n = todo.pop();
            each.accept(n);
            if (leaf(n)) {
                continue;
            }
            done.push(n);
            List<TreeNode> children = n.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (visible.test(children.get(i))) {
                    todo.push(children.get(i));
                }
            }
        }
        while (!done.isEmpty()) {
            TreeNode group = done.pop();
            int[] sum = new int[KEYS.size()];
            for (TreeNode child : group.children()) {
                if (!visible.test(child)) {
                    continue;
                }
                if (leaf(child) || TreeLinks.flag(child, "countstop")) {
                    sum[index(states.apply(child))]++;
                } else {
                    int[] below = counts.byGroup.get(child.id());
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += below[k];
                    }
                }
            }
            counts.byGroup.put(group.id(), sum);
        }
        return counts;
    }

    /** The counts of a group walked, every key present; null for a service, an alias or an object not walked. */
    public Map<String, Integer> of(TreeNode node) {
        int[] sum = byGroup.get(node.id());
        if (sum == null) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < sum.length; k++) {
            counts.put(KEYS.get(k), sum[k]);
        }
        return counts;
    }

    private static boolean leaf(TreeNode n) {
        return n.kind() == ObjectKind.SERVICE || n.kind() == ObjectKind.ALIAS;
    }

    private static int index(ObjectState s) {
        return s == null
                ? KEYS.size() - 1
                : Math.max(0, KEYS.indexOf(s.display().state().label()));
    }
}
