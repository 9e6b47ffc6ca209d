package org.argusee.status.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Where a partial reload of the {@link StatusGraph} starts (issue 17): the changed objects, their parents before and
 * after, their aliases and dependants, every object that came into the tree or whose links (dependencies, alias
 * target, left out of its group) differ and its parent, and the parent of every object that left it. An object
 * outside all of that has the same inputs as before, so it would come out the same.
 */
final class ReloadScope {

    private ReloadScope() {}

    /**
     * @param changed   the objects whose rows changed; empty when unknown, and then, or when they are over half the
     *                  tree, everything is worked out again
     * @param unsettled what was not spread yet: spread now with the rest
     */
    static List<Long> of(
            TreeSnapshot previous,
            TreeLinks previousLinks,
            TreeSnapshot next,
            TreeLinks links,
            Set<Long> changed,
            Set<Long> unsettled) {
        if (changed.isEmpty() || changed.size() > next.size() / 2) {
            return everything(next);
        }
        Set<Long> start = new HashSet<>(unsettled);
        for (long id : changed) {
            start.add(id);
            previous.byId(id).map(TreeNode::parentId).ifPresent(start::add);
            next.byId(id).map(TreeNode::parentId).ifPresent(start::add);
            start.addAll(previousLinks.aliasesOf(id));
            start.addAll(previousLinks.dependants(id));
            start.addAll(links.aliasesOf(id));
            start.addAll(links.dependants(id));
        }
        // an object can come into the tree or leave it without a change of its own rows: the loser of a full-name
        // clash when the winner goes or is renamed, a subtree that a cycle held out
        previous.nodes().forEach(n -> {
            if (next.byId(n.id()).isEmpty() && n.parentId() != null) {
                start.add(n.parentId());
            }
        });
        next.nodes().forEach(n -> {
            long id = n.id();
            if (previous.byId(id).isEmpty()
                    || !links.dependencies(id).equals(previousLinks.dependencies(id))
                    || !links.aliasTarget(id).equals(previousLinks.aliasTarget(id))
                    || links.skipped(id) != previousLinks.skipped(id)) {
                start.add(id);
                if (n.parentId() != null) {
                    start.add(n.parentId());
                }
            }
        });
        start.removeIf(id -> next.byId(id).isEmpty());
        return new ArrayList<>(start);
    }

    static List<Long> everything(TreeSnapshot tree) {
        List<Long> ids = new ArrayList<>(tree.size());
        tree.nodes().forEach(n -> ids.add(n.id()));
        return ids;
    }
}
