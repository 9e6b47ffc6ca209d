package org.argusee.status.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/**
 * The numbers the original shows beside a group: how many of the services under it show up, down, override,
 * depends, or are unknown. Aliases count as what they show. A group or host with {@code countstop: yes} below the
 * counted one counts as one item showing its own state, without looking inside (the original's "do not recurse").
 */
public final class StatusCounts {

    public static final String UNKNOWN = "unknown";

    private StatusCounts() {}

    /** Keys are the display labels and "unknown"; only states that occur are present. */
    public static Map<String, Integer> under(TreeNode root, LongFunction<ObjectState> states) {
        return under(root, n -> states.apply(n.id()), n -> true);
    }

    /**
     * As {@link #under(TreeNode, LongFunction)}, leaving out what {@code counted} refuses (and all under it), with
     * each object's state as {@code states} gives it (a viewer's, who may see less).
     */
    public static Map<String, Integer> under(
            TreeNode root, Function<TreeNode, ObjectState> states, Predicate<TreeNode> counted) {
        Map<String, Integer> counts = new TreeMap<>();
        Deque<TreeNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            TreeNode node = todo.pop();
            if (!counted.test(node)) {
                continue;
            }
            boolean leaf = node.kind() == ObjectKind.SERVICE || node.kind() == ObjectKind.ALIAS;
            boolean stop = node != root && TreeLinks.flag(node, "countstop");
            if (leaf || stop) {
                ObjectState s = states.apply(node);
                counts.merge(s == null ? UNKNOWN : s.display().state().label(), 1, Integer::sum);
            } else {
                node.children().forEach(todo::push);
            }
        }
        return counts;
    }
}
