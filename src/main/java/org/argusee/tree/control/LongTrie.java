package org.argusee.tree.control;

import java.util.function.BiConsumer;

/**
 * An immutable map from long keys to values that shares all but the changed path with the map it came from (a hash
 * array mapped trie, 32 ways a level): two snapshots of a 100,000-object tree hold their id maps in little more
 * room than one, and a change costs a few small array copies per key instead of a copy of the whole map. Keys are
 * spread by a multiplication by an odd constant, a bijection, so two keys always part within 13 levels and no
 * collision lists are needed.
 */
final class LongTrie<V> {

    private static final long SPREAD = 0x9E3779B97F4A7C15L;
    private static final LongTrie<?> EMPTY = new LongTrie<>(null, 0);

    private final Node root;
    private final int size;

    private LongTrie(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <V> LongTrie<V> empty() {
        return (LongTrie<V>) EMPTY;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        long bits = key * SPREAD;
        Node node = root;
        for (int shift = 0; node != null; shift += 5) {
            int bit = 1 << (int) ((bits >>> shift) & 31);
            if ((node.bitmap & bit) == 0) {
                return null;
            }
            Object slot = node.slots[Integer.bitCount(node.bitmap & (bit - 1))];
            if (slot instanceof Leaf leaf) {
                return leaf.key == key ? (V) leaf.value : null;
            }
            node = (Node) slot;
        }
        return null;
    }

    LongTrie<V> put(long key, V value) {
        boolean[] added = new boolean[1];
        Node next = put(root, key, key * SPREAD, 0, new Leaf(key, value), added);
        return new LongTrie<>(next, added[0] ? size + 1 : size);
    }

    LongTrie<V> remove(long key) {
        if (get(key) == null) {
            return this;
        }
        return new LongTrie<>(remove(root, key, key * SPREAD, 0), size - 1);
    }

    /** Every entry, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Long, V> action) {
        forEach(root, (BiConsumer<Long, Object>) (BiConsumer<?, ?>) action);
    }

    private static void forEach(Node node, BiConsumer<Long, Object> action) {
        if (node == null) {
            return;
        }
        for (Object slot : node.slots) {
            if (slot instanceof Leaf leaf) {
                action.accept(leaf.key, leaf.value);
            } else {
                forEach((Node) slot, action);
            }
        }
    }

    private static Node put(Node node, long key, long bits, int shift, Leaf leaf, boolean[] added) {
        int bit = 1 << (int) ((bits >>> shift) & 31);
        if (node == null) {
            added[0] = true;
            return new Node(bit, new Object[] {leaf});
        }
        int i = Integer.bitCount(node.bitmap & (bit - 1));
        if ((node.bitmap & bit) == 0) {
            added[0] = true;
            Object[] slots = new Object[node.slots.length + 1];
            System.arraycopy(node.slots, 0, slots, 0, i);
            slots[i] = leaf;
            System.arraycopy(node.slots, i, slots, i + 1, node.slots.length - i);
            return new Node(node.bitmap | bit, slots);
        }
        Object slot = node.slots[i];
        Object replacement;
        if (slot instanceof Leaf other) {
            if (other.key == key) {
                replacement = leaf;
            } else {
                added[0] = true;
                Node both = put(null, other.key, other.key * SPREAD, shift + 5, other, new boolean[1]);
                replacement = put(both, key, bits, shift + 5, leaf, new boolean[1]);
            }
        } else {
            replacement = put((Node) slot, key, bits, shift + 5, leaf, added);
        }
        Object[] slots = node.slots.clone();
        slots[i] = replacement;
        return new Node(node.bitmap, slots);
    }

    /** Only called for a key that is present. An emptied node goes; a lone leaf moves up, so the shape stays small. */
    private static Node remove(Node node, long key, long bits, int shift) {
        int bit = 1 << (int) ((bits >>> shift) & 31);
        int i = Integer.bitCount(node.bitmap & (bit - 1));
        Object slot = node.slots[i];
        Object replacement = null;
        if (slot instanceof Node child) {
            Node smaller = remove(child, key, bits, shift + 5);
            replacement = smaller != null && smaller.slots.length == 1 && smaller.slots[0] instanceof Leaf lone
                    ? lone
                    : smaller;
        }
        if (replacement != null) {
            Object[] slots = node.slots.clone();
            slots[i] = replacement;
            return new Node(node.bitmap, slots);
        }
        if (node.slots.length == 1) {
            return null;
        }
        Object[] slots = new Object[node.slots.length - 1];
        System.arraycopy(node.slots, 0, slots, 0, i);
        System.arraycopy(node.slots, i + 1, slots, i, slots.length - i);
        return new Node(node.bitmap & ~bit, slots);
    }

    private record Leaf(long key, Object value) {}

    private record Node(int bitmap, Object[] slots) {}
}
