package org.argusee.tree.boundary;

import java.util.Set;

/**
 * Fired when the tree was changed through the application; observers that run after commit see the new
 * snapshot. Changes made by plain SQL are found by TreeCache's poll instead.
 *
 * @param subtrees the ids of the objects whose rows (their own, their parameters', their descendants') the
 *     change may have written, deleted ones included; empty if not known
 * @param revision the configuration revision the change's transaction moved to ({@link TreeStore#ownRevision}),
 *     0 if not known. With both known the tree cache re-reads only those subtrees (issue 17).
 */
public record TreeChanged(String fullName, String what, Set<Long> subtrees, long revision) {

    public TreeChanged {
        subtrees = Set.copyOf(subtrees);
    }

    /** A change the cache must read the whole tree for. */
    public TreeChanged(String fullName, String what) {
        this(fullName, what, Set.of(), 0);
    }
}
