package org.argusee.tree.boundary;

import java.util.Set;
import org.argusee.tree.control.WrittenRows;

/**
 * Fired when the tree was changed through the application; observers that run after commit see the new
 * snapshot. Changes made by plain SQL are found by TreeCache's poll instead.
 *
 * @param subtrees the ids of the objects whose rows (their own, their parameters', their descendants') the
 *     change may have written, deleted ones included; empty if not known
 * @param revision the configuration revision the change's transaction moved to ({@link TreeStore#ownRevision}),
 *     0 if not known. With both known the tree cache re-reads only those subtrees (issue 17).
 * @param inserted null, or every object (with its parameters) the change inserted under {@code subtrees}, as
 *     stored: the cache then re-reads only the rows those subtrees held before, and takes these as they are
 */
public record TreeChanged(String fullName, String what, Set<Long> subtrees, long revision, WrittenRows inserted) {

    public TreeChanged {
        subtrees = Set.copyOf(subtrees);
    }

    /** A change whose new rows, if any, the cache reads back. */
    public TreeChanged(String fullName, String what, Set<Long> subtrees, long revision) {
        this(fullName, what, subtrees, revision, null);
    }

    /** A change the cache must read the whole tree for. */
    public TreeChanged(String fullName, String what) {
        this(fullName, what, Set.of(), 0);
    }
}
