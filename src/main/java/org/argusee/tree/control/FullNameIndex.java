package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds nodes by full name without keeping every full name as a string: a chain 10,000 levels deep would
 * otherwise hold some 10^8 characters. Each node carries a 64-bit hash of its full name, computed from its
 * parent's hash and its own name; a hit is confirmed by comparing the name parts, so equal hashes of
 * different names are harmless.
 */
final class FullNameIndex {

    private static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** A node, or a list of nodes in the rare case of equal hashes for different names. */
    private final Map<Long, Object> byHash = new HashMap<>();

    static long hash(String text) {
        return fold(SEED, text);
    }

    /** The hash of {@code parent + ":" + name}, equal to {@link #hash} of that string. */
    static long hash(long parentHash, String name) {
        return fold((parentHash ^ ':') * PRIME, name);
    }

    /** Adds the node unless another has its full name; returns that other one then. */
    TreeNode putIfAbsent(TreeNode node) {
        Object present = byHash.get(node.fullNameHash);
        if (present == null) {
            byHash.put(node.fullNameHash, node);
            return null;
        }
        List<TreeNode> same = candidates(present);
        String fullName = node.fullName();
        for (TreeNode other : same) {
            if (hasFullName(other, fullName)) {
                return other;
            }
        }
        List<TreeNode> grown = new ArrayList<>(same);
        grown.add(node);
        byHash.put(node.fullNameHash, grown);
        return null;
    }

    Optional<TreeNode> find(String fullName) {
        Object present = byHash.get(hash(fullName));
        if (present == null) {
            return Optional.empty();
        }
        return candidates(present).stream()
                .filter(n -> hasFullName(n, fullName))
                .findFirst();
    }

    /** Whether {@code text} is the node's full name, compared part by part from the end, without building it. */
    static boolean hasFullName(TreeNode node, String text) {
        int end = text.length();
        TreeNode n = node;
        for (; n.parent() != null; n = n.parent()) {
            String name = n.name();
            int start = end - name.length();
            if (start < 1 || text.charAt(start - 1) != ':' || !text.regionMatches(start, name, 0, name.length())) {
                return false;
            }
            end = start - 1;
        }
        return end == 3 && text.startsWith("Top");
    }

    @SuppressWarnings("unchecked")
    private static List<TreeNode> candidates(Object present) {
        return present instanceof TreeNode node ? List.of(node) : (List<TreeNode>) present;
    }

    private static long fold(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * PRIME;
        }
        return h;
    }
}
