package org.argusee.live.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last changes, for a client that comes back after a dropped connection ({@code resume}). Bounded: a client
 * further behind than the ring reaches gets {@code resync} instead.
 */
public final class ChangeRing {

    private final int capacity;
    private final ArrayDeque<Change> changes;

    public ChangeRing(int capacity) {
        this.capacity = capacity;
        this.changes = new ArrayDeque<>(capacity);
    }

    public synchronized void add(Change change) {
        if (changes.size() == capacity) {
            changes.pollFirst();
        }
        changes.addLast(change);
    }

    /**
     * The changes after {@code seq}, one per object (its last), in order; empty when {@code seq} is out of reach
     * (older than the ring holds, or newer than {@code current}: a client of a server that restarted).
     */
    public synchronized Optional<List<Change>> after(long seq, long current) {
        if (seq > current || seq < 0) {
            return Optional.empty();
        }
        Change oldest = changes.peekFirst();
        long firstKept = oldest == null ? current + 1 : oldest.seq();
        if (seq + 1 < firstKept && seq < current) {
            return Optional.empty();
        }
        Map<String, Change> last = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.seq() > seq) {
                String key = c.key();
                last.remove(key);
                last.put(key, c);
            }
        }
        return Optional.of(new ArrayList<>(last.values()));
    }
}
