package org.argusee.tree.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds nodes by full name without keeping every full name as a string: a chain 10,000 levels deep would
 * otherwise hold some 10^8 characters. Each node carries a 64-bit hash of its full name, computed from its
 * parent's hash and its own name; a hit is confirmed by comparing the name parts, so equal hashes of
 * different names are harmless. Kept in a {@link LongTrie}, so a snapshot built from the previous one shares the
 * index but for the changed entries; a builder changes its own copy, a published snapshot's never changes.
 */
final class FullNameIndex {

    private static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** A node, or an array of nodes in the rare case of equal hashes for different names. */
    private LongTrie<Object> byHash;

    FullNameIndex() {
        this(LongTrie.empty());
    }

    private FullNameIndex(LongTrie<Object> byHash) {
        this.byHash = byHash;
    }

    /** A copy to change: shares everything with this one until then. */
    FullNameIndex copy() {
        return new FullNameIndex(byHash);
    }

    static long hash(String text) {
        return fold(SEED, text);
    }

    /** The hash of {@code parent + ":" + name}, equal to {@link #hash} of that string. */
    static long hash(long parentHash, String name) {
        return fold((parentHash ^ ':') * PRIME, name);
    }

    /** Adds the node unless another has its full name; returns that other one then. */
    TreeNode putIfAbsent(TreeNode node) {
        long key = node.fullNameHash();
        Object present = byHash.get(key);
        if (present == null) {
            byHash = byHash.put(key, node);
            return null;
        }
        TreeNode[] same = candidates(present);
        String fullName = node.fullName();
        for (TreeNode other : same) {
            if (other.place().hasFullName(fullName)) {
                return other;
            }
        }
        TreeNode[] grown = Arrays.copyOf(same, same.length + 1);
        grown[same.length] = node;
        byHash = byHash.put(key, grown);
        return null;
    }

    /** Puts {@code now} where {@code before} was (a copy of the same object at the same place), or removes it. */
    void replace(TreeNode before, TreeNode now) {
        long key = before.fullNameHash();
        TreeNode[] same = candidates(byHash.get(key));
        TreeNode[] kept = Arrays.stream(same).filter(n -> n.id() != before.id()).toArray(TreeNode[]::new);
        if (now != null) {
            kept = Arrays.copyOf(kept, kept.length + 1);
            kept[kept.length - 1] = now;
        }
        byHash = kept.length == 0 ? byHash.remove(key) : byHash.put(key, kept.length == 1 ? kept[0] : kept);
    }

    Optional<TreeNode> find(String fullName) {
        Object present = byHash.get(hash(fullName));
        if (present == null) {
            return Optional.empty();
        }
        for (TreeNode n : candidates(present)) {
            if (n.place().hasFullName(fullName)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static TreeNode[] candidates(Object present) {
        if (present == null) {
            return new TreeNode[0];
        }
        return present instanceof TreeNode node ? new TreeNode[] {node} : (TreeNode[]) present;
    }

    private static long fold(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * PRIME;
        }
        return h;
    }
}
