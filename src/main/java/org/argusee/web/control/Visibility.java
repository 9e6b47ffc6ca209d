package org.argusee.web.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Which objects of one tree snapshot a viewer may see: those whose {@code acl_page} list (from {@code acl_user})
 * admits them, below a parent they may see (a hidden group hides everything under it, so nothing of it shows in
 * lists, counts, searches or pushes). Worked out once per snapshot and viewer; holds only the hidden ids, which
 * are none in most trees, and the visible objects above them ({@link #hidesUnder}), whose status, counts and reason
 * the viewer must get from what they see ({@link SeenStates}).
 */
public final class Visibility {

    public static final Visibility ALL = new Visibility(Set.of(), Set.of());

    private final Set<Long> hidden;
    private final Set<Long> above;

    private Visibility(Set<Long> hidden, Set<Long> above) {
        this.hidden = hidden;
        this.above = above;
    }

    public static Visibility of(TreeSnapshot tree, Viewer viewer) {
        if (viewer.admin()) {
            return ALL;
        }
        Set<String> groups = viewer.groups();
        Set<Long> hidden = new HashSet<>();
        Set<Long> above = new HashSet<>();
        record Step(TreeNode node, Set<String> acl) {}
        Deque<Step> todo = new ArrayDeque<>();
        todo.push(new Step(tree.top(), Set.of()));
        while (!todo.isEmpty()) {
            Step s = todo.pop();
            Set<String> acl = Acl.apply(s.acl(), Acl.own(s.node(), Acl.PAGE));
            if (!Acl.admits(acl, groups)) {
                hideAll(s.node(), hidden);
                // its visible ancestors: their own status, counts and reason include what is hidden
                TreeNode p = tree.parent(s.node());
                while (p != null && above.add(p.id())) {
                    p = tree.parent(p);
                }
                continue;
            }
            for (TreeNode child : s.node().children()) {
                todo.push(new Step(child, acl));
            }
        }
        return hidden.isEmpty() ? ALL : new Visibility(hidden, Set.copyOf(above));
    }

    private static void hideAll(TreeNode root, Set<Long> hidden) {
        Deque<TreeNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            TreeNode n = todo.pop();
            hidden.add(n.id());
            n.children().forEach(todo::push);
        }
    }

    public boolean sees(TreeNode node) {
        return !hidden.contains(node.id());
    }

    /** The ids of the hidden objects (none for most viewers). */
    public Set<Long> hiddenIds() {
        return java.util.Collections.unmodifiableSet(hidden);
    }

    public boolean sees(long id) {
        return !hidden.contains(id);
    }

    /** Whether something under this visible object is hidden (then what the board says of it tells too much). */
    public boolean hidesUnder(TreeNode node) {
        return above.contains(node.id());
    }

    /** The visible objects with something hidden under them; empty for most viewers. */
    public Set<Long> partial() {
        return above;
    }
}
