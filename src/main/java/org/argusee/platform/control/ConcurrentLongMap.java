package org.argusee.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A concurrent map from primitive {@code long} keys (object ids) to values, for the maps that hold an entry for
 * every service (issue 17). A {@code ConcurrentHashMap<Long, V>} spends about 60 bytes an entry (a boxed key of
 * its own, a node, a table slot); this one 12 bytes a slot of two arrays, 16-32 bytes an entry.
 * <p>
 * Lock-striped: {@value #SEGMENTS} segments, each an open-addressing table ({@link LongTable}) guarded by its own
 * monitor, so readers and writers of different segments never meet and a reader waits at most for one short write
 * of its segment. Every call is atomic for its key, as {@code ConcurrentHashMap}'s are. The bulk operations
 * ({@link #forEach}, {@link #removeKeysIf}, {@link #size}) go segment by segment, each under its lock: weakly
 * consistent as {@code ConcurrentHashMap}'s iterators, they see each entry at most once and may miss changes made
 * meanwhile. {@link #forEach} calls its action outside the locks (on a copy of each segment), so the action may
 * use the map. Null values are refused, as {@code ConcurrentHashMap} refuses them.
 */
public final class ConcurrentLongMap<V> {

    private static final int SEGMENTS = 64;

    /** An entry's key and value, for {@link #forEach}. */
    @FunctionalInterface
    public interface Entry<V> {
        void accept(long key, V value);
    }

    private final LongTable[] segments = new LongTable[SEGMENTS];

    public ConcurrentLongMap() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new LongTable();
        }
    }

    /** The value for the key, null if none. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        long h = LongTable.hash(key);
        LongTable s = segment(h);
        synchronized (s) {
            return (V) s.get(key, h);
        }
    }

    public boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Sets the key's value; returns the one it had, null if none. */
    public V put(long key, V value) {
        return put(key, value, true);
    }

    /** Sets the key's value unless it has one; returns the one it had, null if none (then it was set). */
    public V putIfAbsent(long key, V value) {
        return put(key, value, false);
    }

    @SuppressWarnings("unchecked")
    private V put(long key, V value, boolean replace) {
        if (value == null) {
            throw new NullPointerException("value of key " + key);
        }
        long h = LongTable.hash(key);
        LongTable s = segment(h);
        synchronized (s) {
            return (V) s.put(key, h, value, replace);
        }
    }

    /** Replaces the key's value, if it has one, by what {@code update} makes of it (under the segment's lock). */
    @SuppressWarnings("unchecked")
    public void update(long key, UnaryOperator<V> update) {
        long h = LongTable.hash(key);
        LongTable s = segment(h);
        synchronized (s) {
            V now = (V) s.get(key, h);
            if (now != null) {
                V next = update.apply(now);
                if (next == null) {
                    s.remove(key, h);
                } else {
                    s.put(key, h, next, true);
                }
            }
        }
    }

    /** Removes the key; returns the value it had, null if none. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        long h = LongTable.hash(key);
        LongTable s = segment(h);
        synchronized (s) {
            return (V) s.remove(key, h);
        }
    }

    /** Removes every key the test accepts. The test runs under a segment's lock: it must not use this map. */
    public void removeKeysIf(LongPredicate test) {
        for (LongTable s : segments) {
            synchronized (s) {
                s.removeIf(test);
            }
        }
    }

    public void putAll(Map<Long, ? extends V> entries) {
        entries.forEach(this::put);
    }

    public void clear() {
        for (LongTable s : segments) {
            synchronized (s) {
                s.clear();
            }
        }
    }

    public int size() {
        int n = 0;
        for (LongTable s : segments) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Each entry, segment by segment; the action runs outside the locks and may use this map. */
    @SuppressWarnings("unchecked")
    public void forEach(Entry<? super V> action) {
        List<Object> values = new ArrayList<>();
        for (LongTable s : segments) {
            long[] keys;
            synchronized (s) {
                keys = s.copyInto(values);
            }
            for (int i = 0; i < keys.length; i++) {
                action.accept(keys[i], (V) values.get(i));
            }
            values.clear();
        }
    }

    /** A copy of the keys, segment by segment. */
    public long[] keys() {
        long[][] parts = new long[SEGMENTS][];
        int n = 0;
        List<Object> ignored = new ArrayList<>();
        for (int i = 0; i < SEGMENTS; i++) {
            synchronized (segments[i]) {
                parts[i] = segments[i].copyInto(ignored);
            }
            n += parts[i].length;
            ignored.clear();
        }
        long[] keys = new long[n];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, keys, at, part.length);
            at += part.length;
        }
        return keys;
    }

    /** The keys whose values pass the test (run outside the locks). */
    public List<Long> keysWhere(Predicate<? super V> test) {
        List<Long> keys = new ArrayList<>();
        forEach((k, v) -> {
            if (test.test(v)) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** A copy of the values, segment by segment. */
    @SuppressWarnings("unchecked")
    public List<V> values() {
        List<Object> values = new ArrayList<>();
        for (LongTable s : segments) {
            synchronized (s) {
                s.copyInto(values);
            }
        }
        return (List<V>) (List<?>) values;
    }

    private LongTable segment(long hash) {
        return segments[(int) (hash >>> 58)]; // the top 6 bits; the table takes its slot from the low ones
    }
}
