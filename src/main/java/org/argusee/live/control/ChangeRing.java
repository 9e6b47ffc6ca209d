package org.argusee.live.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last changes, for a client that comes back after a dropped connection ({@code resume}). Bounded: a client
 * further behind than the ring reaches gets {@code resync} instead. Changes of one dispatch round share a number
 * (web.boundary.ChangeSequence), so a client that resumes from n gets round n again: it may have lost the socket in
 * the middle of it (rows are whole states, applying one twice is harmless).
 */
public final class ChangeRing {

    private final int capacity;
    private final ArrayDeque<Change> changes;
    /** The number of the last change that fell out of the ring; -1 while none did. */
    private long dropped = -1;

    public ChangeRing(int capacity) {
        this.capacity = capacity;
        this.changes = new ArrayDeque<>(capacity);
    }

    public synchronized void add(Change change) {
        if (changes.size() == capacity) {
            dropped = changes.pollFirst().seq();
        }
        changes.addLast(change);
    }

    /**
     * The changes numbered {@code seq} or later, one per object (its last), in order; empty when {@code seq} is out of
     * reach (a change numbered so fell out of the ring, or newer than {@code current}: a client of a server that
     * restarted).
     */
    public synchronized Optional<List<Change>> from(long seq, long current) {
        if (seq > current || seq < 0 || seq <= dropped) {
            return Optional.empty();
        }
        Map<String, Change> last = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.seq() >= seq) {
                String key = c.key();
                last.remove(key);
                last.put(key, c);
            }
        }
        return Optional.of(new ArrayList<>(last.values()));
    }
}
