package org.argusee.status.boundary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.argusee.status.control.EndedOverride;
import org.argusee.status.control.SampleRow;

/**
 * What {@link StatusWriter} has to store and has not stored yet, in the order it was made, bounded: while the
 * database is away (docs/reliability.md, "Database outage") rows pile up here, and the server must not run out of
 * memory. When it holds more than {@code max} rows, it drops, in this order: the oldest sample buckets (a graph
 * loses a few minutes), then the oldest status changes of objects that have a later one queued (their transition
 * log entries and availability go, their final state stays), then the oldest of what is left. It drops down to 1%
 * under the bound, so an overflowing queue is trimmed every hundred rows, not at every row. Not thread-safe: the
 * writer calls it under its own lock.
 */
final class WriteQueue {

    /** Rows dropped to stay within the bound, by kind. */
    record Dropped(long samples, long statuses, long ended) {
        static final Dropped NONE = new Dropped(0, 0, 0);

        long total() {
            return samples + statuses + ended;
        }

        Dropped plus(Dropped more) {
            return new Dropped(samples + more.samples, statuses + more.statuses, ended + more.ended);
        }
    }

    private final int max;
    private final ArrayDeque<StatusRow> statuses = new ArrayDeque<>();
    private final ArrayDeque<SampleRow> samples = new ArrayDeque<>();
    private final ArrayDeque<EndedOverride> ended = new ArrayDeque<>();

    WriteQueue(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("argus.status.queue-max must be at least 1, not " + max);
        }
        this.max = max;
    }

    /** Adds a round's rows after what waits; returns what was dropped to stay within the bound. */
    Dropped add(StatusBatch fresh) {
        statuses.addAll(fresh.statuses());
        samples.addAll(fresh.samples());
        ended.addAll(fresh.ended());
        return bound();
    }

    /** The oldest rows, at most {@code limit}, as one batch to store; they stay queued until {@link #stored}. */
    StatusBatch peek(int limit) {
        List<StatusRow> s = first(statuses, limit);
        List<SampleRow> m = first(samples, limit - s.size());
        List<EndedOverride> e = first(ended, limit - s.size() - m.size());
        return new StatusBatch(s, m, e);
    }

    /** The batch {@link #peek} gave is committed: its rows leave the queue. */
    void stored(StatusBatch batch) {
        remove(statuses, batch.statuses().size());
        remove(samples, batch.samples().size());
        remove(ended, batch.ended().size());
    }

    int size() {
        return statuses.size() + samples.size() + ended.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    int max() {
        return max;
    }

    private Dropped bound() {
        if (size() <= max) {
            return Dropped.NONE;
        }
        int over = size() - max + max / 100;
        int droppedSamples = Math.min(over, samples.size());
        remove(samples, droppedSamples);
        over -= droppedSamples;
        int superseded = over > 0 ? dropSuperseded(over) : 0;
        over -= superseded;
        int oldest = Math.min(over, statuses.size());
        remove(statuses, oldest);
        over -= oldest;
        int droppedEnded = Math.min(over, ended.size());
        remove(ended, droppedEnded);
        return new Dropped(droppedSamples, superseded + oldest, droppedEnded);
    }

    /** Drops the oldest status rows whose object has a later row queued, at most {@code over}; returns how many. */
    private int dropSuperseded(int over) {
        int dropped = 0;
        Map<Long, Integer> rows = new HashMap<>();
        for (StatusRow r : statuses) {
            rows.merge(r.objectId(), 1, Integer::sum);
        }
        for (Iterator<StatusRow> it = statuses.iterator(); dropped < over && it.hasNext(); ) {
            StatusRow r = it.next();
            if (rows.get(r.objectId()) > 1) {
                rows.merge(r.objectId(), -1, Integer::sum);
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    private static <T> List<T> first(ArrayDeque<T> queue, int limit) {
        List<T> out = new ArrayList<>(Math.max(0, Math.min(limit, queue.size())));
        Iterator<T> it = queue.iterator();
        while (out.size() < limit && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    private static void remove(ArrayDeque<?> queue, int n) {
        for (int i = 0; i < n; i++) {
            queue.pollFirst();
        }
    }
}
