package org.argusee.tree.control;

import java.util.Arrays;

/**
 * The aliases of a snapshot by the full name they point at (the hash of their target, as {@link FullNameIndex} keys
 * nodes): after a change, the aliases whose target came or went are found from the changed objects' full names
 * without a walk of the tree (issue 17). Holds ids, not nodes, so an alias copied with its parent's new children
 * needs no update. Persistent like {@link FullNameIndex}: a builder changes its own copy, a published one never
 * changes.
 */
final class AliasTargets {

    private static final long[] NONE = new long[0];

    private LongTrie<long[]> byTarget;

    AliasTargets() {
        this(LongTrie.empty());
    }

    private AliasTargets(LongTrie<long[]> byTarget) {
        this.byTarget = byTarget;
    }

    /** A copy to change: shares everything with this one until then. */
    AliasTargets copy() {
        return new AliasTargets(byTarget);
    }

    /** Adds the node if it is an alias with a target. */
    void add(TreeNode node) {
        String target = node.aliasTarget();
        if (target != null) {
            long key = FullNameIndex.hash(target);
            long[] ids = byTarget.get(key);
            long[] grown = ids == null ? new long[1] : Arrays.copyOf(ids, ids.length + 1);
            grown[grown.length - 1] = node.id();
            byTarget = byTarget.put(key, grown);
        }
    }

    /** Takes the node out if it is an alias with a target. */
    void remove(TreeNode node) {
        String target = node.aliasTarget();
        if (target != null) {
            long key = FullNameIndex.hash(target);
            long[] kept =
                    Arrays.stream(pointingAt(key)).filter(id -> id != node.id()).toArray();
            byTarget = kept.length == 0 ? byTarget.remove(key) : byTarget.put(key, kept);
        }
    }

    /** The aliases whose target has this hash: those pointing at the full name, and rarely others. */
    long[] pointingAt(long fullNameHash) {
        long[] ids = byTarget.get(fullNameHash);
        return ids == null ? NONE : ids;
    }
}
