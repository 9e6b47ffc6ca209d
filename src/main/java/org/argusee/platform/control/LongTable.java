package org.argusee.platform.control;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * One segment of a {@link ConcurrentLongMap}: an open-addressing hash table of primitive keys, linear probing,
 * filled to at most three quarters. A slot is empty when its value is null (values are never null), so no key is
 * reserved; a removal shifts the entries after it back into the gap (no tombstones: a table with many removals
 * stays as fast as a fresh one). Not thread-safe: the map guards each segment with its monitor.
 */
final class LongTable {

    private static final int FIRST_CAPACITY = 8;

    private long[] keys = new long[FIRST_CAPACITY];
    private Object[] values = new Object[FIRST_CAPACITY];
    private int size;

    /** Spreads ids (often consecutive) over the whole range: the map takes the top bits, the table the low ones. */
    static long hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    Object get(long key, long hash) {
        int mask = keys.length - 1;
        for (int i = (int) hash & mask; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    /** Sets the value (or, when {@code replace} is false, only if the key has none); returns the old value. */
    Object put(long key, long hash, Object value, boolean replace) {
        int mask = keys.length - 1;
        int i = (int) hash & mask;
        for (; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                Object old = values[i];
                if (replace) {
                    values[i] = value;
                }
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 4 > keys.length * 3) {
            grow();
        }
        return null;
    }

    Object remove(long key, long hash) {
        int mask = keys.length - 1;
        for (int i = (int) hash & mask; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                Object old = values[i];
                shiftBack(i);
                size--;
                return old;
            }
        }
        return null;
    }

    void removeIf(LongPredicate test) {
        long[] doomed = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null && test.test(keys[i])) {
                doomed[n++] = keys[i];
            }
        }
        for (int i = 0; i < n; i++) {
            remove(doomed[i], hash(doomed[i]));
        }
    }

    void clear() {
        keys = new long[FIRST_CAPACITY];
        values = new Object[FIRST_CAPACITY];
        size = 0;
    }

    int size() {
        return size;
    }

    /** The keys, and the values (in the same order) added to {@code into}. */
    long[] copyInto(List<Object> into) {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                out[n++] = keys[i];
                into.add(values[i]);
            }
        }
        return out;
    }

    /** Empties slot {@code gap}, moving back each following entry of the run that may no longer be found past it. */
    private void shiftBack(int gap) {
        int mask = keys.length - 1;
        for (int i = (gap + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = (int) hash(keys[i]) & mask;
            // the entry at i stays if its home lies cyclically in (gap, i]; else it moves into the gap
            boolean stays = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (!stays) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        values[gap] = null;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = (int) hash(oldKeys[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
