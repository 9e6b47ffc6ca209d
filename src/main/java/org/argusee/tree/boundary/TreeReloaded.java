package org.argusee.tree.boundary;

import java.util.Set;
import org.argusee.tree.control.TreeSnapshot;

/**
 * A new snapshot of the tree is live (after an API write or an outside SQL change).
 *
 * @param changed the ids of the objects whose rows were re-read for this snapshot (a change's subtrees, deleted
 *     objects included); empty when the whole tree was read, so anything may have changed
 */
public record TreeReloaded(TreeSnapshot previous, TreeSnapshot current, Set<Long> changed) {

    public TreeReloaded {
        changed = Set.copyOf(changed);
    }

    /** The whole tree was read. */
    public TreeReloaded(TreeSnapshot previous, TreeSnapshot current) {
        this(previous, current, Set.of());
    }
}
