package org.argusee.tree.boundary;

import java.util.Set;
import org.argusee.tree.control.TreeSnapshot;

/**
 * A new snapshot of the tree is live (after an API write or an outside SQL change).
 *
 * @param changed the ids of the objects whose rows were re-read for this snapshot (a change's subtrees, deleted
 *     objects included); empty when the whole tree was read, so anything may have changed
 * @param patched whether {@code current} was built from {@code previous} over {@code changed} (issue 17): every
 *     object outside them is then the same, with the same full name, parameters and parent, and no object came into
 *     the tree or left it without being among them, so an observer can work from {@code changed} alone. False for a
 *     build from all rows, where an object can come or go with no change of its own (the loser of a name clash, a
 *     subtree a cycle held out)
 */
public record TreeReloaded(TreeSnapshot previous, TreeSnapshot current, Set<Long> changed, boolean patched) {

    public TreeReloaded {
        changed = Set.copyOf(changed);
        patched = patched && !changed.isEmpty();
    }

    /** {@code previous} if patched, else null. */
    public TreeSnapshot patchedFrom() {
        return patched ? previous : null;
    }

    /** Built from all rows, of which {@code changed} were re-read. */
    public TreeReloaded(TreeSnapshot previous, TreeSnapshot current, Set<Long> changed) {
        this(previous, current, changed, false);
    }

    /** The whole tree was read. */
    public TreeReloaded(TreeSnapshot previous, TreeSnapshot current) {
        this(previous, current, Set.of());
    }
}
