package org.argusee.probe.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * When each scheduled service is due next, in memory: the {@link Scheduler}'s one EJB interval timer (its tick)
 * takes what has fallen due from here, instead of the container keeping one timer per service. A profile of 20,000
 * services showed the per-service timers' machinery (the timer service, its interceptors, a thread hand-off per
 * expiry) as a large part of a probe's CPU; here a probe's turn costs a poll and an offer on a heap.
 *
 * <p>Each entry keeps the grid it was given: first due at {@code firstDue}, then every {@code interval} after it,
 * as an interval timer. An entry whose turn was missed by more than an interval (the server was stopped in a
 * debugger, or starved) is taken once and goes back on the grid at its next time to come, as a late interval timer
 * fires once rather than once per missed expiry. Cancelled entries are dropped when they come up. Thread-safe.
 */
final class Timetable<T> {

    /** One entry: what is due, its interval and next due time (epoch ms). */
    static final class Entry<T> {
        private final T item;
        private final long interval;
        private long due;
        private volatile boolean cancelled;

        private Entry(T item, long firstDue, long interval) {
            this.item = item;
            this.due = firstDue;
            this.interval = interval;
        }

        /** Stops it; it leaves the timetable when it comes up. */
        void cancel() {
            cancelled = true;
        }
    }

    /** What the tick hands on: the item and when it was due (its planned start). */
    @FunctionalInterface
    interface Due<T> {
        void due(T item, long dueAt);
    }

    private final PriorityQueue<Entry<T>> queue = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    // reused by take (one tick at a time): no allocation per tick but the ones the queue makes
    private final List<Entry<T>> taken = new ArrayList<>();
    private long[] takenAt = new long[64];
    private final Object taking = new Object();

    /** Adds an item due first at {@code firstDue}, then every {@code interval} ms (at least 1). */
    synchronized Entry<T> add(T item, long firstDue, long interval) {
        Entry<T> e = new Entry<>(item, firstDue, Math.max(1, interval));
        queue.add(e);
        return e;
    }

    /**
     * Hands on every item due at {@code now} or before, each with when it was due, and moves it to its next time.
     * The handing on runs outside the lock, so it may add or cancel entries; callers take turns.
     */
    int take(long now, Due<T> to) {
        synchronized (taking) {
            return takeDue(now, to);
        }
    }

    private int takeDue(long now, Due<T> to) {
        int n;
        synchronized (this) {
            taken.clear();
            Entry<T> head;
            while ((head = queue.peek()) != null && head.due <= now) {
                queue.poll();
                if (head.cancelled) {
                    continue;
                }
                if (taken.size() == takenAt.length) {
                    takenAt = Arrays.copyOf(takenAt, takenAt.length * 2);
                }
                takenAt[taken.size()] = head.due;
                taken.add(head);
                long next = head.due + head.interval;
                if (next <= now) { // missed whole turns: once now, then on the grid again
                    next += ((now - next) / head.interval + 1) * head.interval;
                }
                head.due = next;
                queue.add(head);
            }
            n = taken.size();
        }
        for (int i = 0; i < n; i++) {
            to.due(taken.get(i).item, takenAt[i]);
        }
        return n;
    }

    /** Entries held, cancelled ones not yet dropped included. */
    synchronized int size() {
        return queue.size();
    }
}
