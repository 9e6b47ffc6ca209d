package org.argusee.probe.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * When each scheduled service is due next, in memory: the {@link Scheduler}'s tick ({@link Ticks}) takes from
 * here what has fallen due and sleeps until {@link #nextDue()}, instead of the container keeping one timer per
 * service. A profile of 20,000 services showed the per-service timers' machinery (the timer service, its
 * interceptors, a thread hand-off per expiry) as a large part of a probe's CPU.
 *
 * <p>A hashed timing wheel: {@link #SLOTS} slots of {@code resolution} ms each, an entry in the slot of its next
 * due time; a take looks only at the slots whose time has come since the last one, so a turn costs a few steps
 * whatever the number of services (a priority queue of 20,000 entries cost more in its comparisons than the rest of
 * the tick). Entries due beyond one turn of the wheel stay in their slot until their time.
 *
 * <p>Each entry keeps the grid it was given: first due at {@code firstDue}, then every {@code interval} after it,
 * as an interval timer. An entry whose turn was missed by more than an interval (the server was stopped in a
 * debugger, or starved) is taken once and goes back on the grid at its next time to come, as a late interval timer
 * fires once rather than once per missed expiry. Cancelled entries are dropped when their slot comes up.
 * Thread-safe.
 */
final class Timetable<T> {

    /** Slots of the wheel: a power of two; with 50 ms slots (the tick's least pause) one turn is
     * 205 s, longer than most frequencies. */
    static final int SLOTS = 4096;

    /** One entry: what is due, its interval and next due time (ms of the scheduler's steady clock). */
    static final class Entry<T> {
        private T item; // set once, under the timetable's lock, before the entry is in a slot
        private final long interval;
        private long due;
        private volatile boolean cancelled;

        private Entry(T item, long firstDue, long interval) {
            this.item = item;
            this.due = firstDue;
            this.interval = interval;
        }

        /** Its interval in ms. */
        long interval() {
            return interval;
        }

        /** Stops it; it leaves the timetable when its slot comes up. */
        void cancel() {
            cancelled = true;
        }

        /** Whether it was stopped: a turn taken just before may still be handed on. */
        boolean cancelled() {
            return cancelled;
        }
    }

    /** What the tick hands on: the item and when it was due (its planned start). */
    @FunctionalInterface
    interface Due<T> {
        void due(T item, long dueAt);
    }

    private final long resolution;
    private final List<List<Entry<T>>> slots = new ArrayList<>(SLOTS);
    /**
     * The last slot time (ms / resolution) a take has looked at; each take looks at it again, as entries due later
     * within it may have been added since.
     */
    private long lastTick;

    private int size;
    // reused by take (callers take turns): no allocation per tick
    private final List<Entry<T>> taken = new ArrayList<>();
    private long[] takenAt = new long[64];
    private final Object taking = new Object();

    /** A wheel of slots {@code resolution} ms wide, whose first take looks at times after {@code startMillis}. */
    Timetable(long resolution, long startMillis) {
        this.resolution = Math.max(1, resolution);
        this.lastTick = Math.floorDiv(startMillis, this.resolution);
        for (int i = 0; i < SLOTS; i++) {
            slots.add(new ArrayList<>());
        }
    }

    /** Adds an item due first at {@code firstDue}, then every {@code interval} ms (at least 1). */
    synchronized Entry<T> add(T item, long firstDue, long interval) {
        Entry<T> e = new Entry<>(item, firstDue, Math.max(1, interval));
        slotOf(e.due).add(e);
        size++;
        return e;
    }

    /**
     * As {@link #add(Object, long, long)}, with the item {@code make} makes of its entry: an item that keeps its own
     * entry (to cancel it) is then handed on itself, with no look-up from a key to it at each turn.
     */
    synchronized <S extends T> S add(long firstDue, long interval, Function<Entry<T>, S> make) {
        Entry<T> e = new Entry<>(null, firstDue, Math.max(1, interval));
        S item = make.apply(e);
        e.item = item;
        slotOf(e.due).add(e);
        size++;
        return item;
    }

    /**
     * Hands on every item due at {@code now} or before, each with when it was due, and moves it to its next time.
     * The handing on runs outside the lock, so it may add or cancel entries; callers take turns.
     */
    int take(long now, Due<T> to) {
        return take(now, Integer.MAX_VALUE, to);
    }

    /**
     * As {@link #take(long, Due)}, but hands on at most {@code max} items: the rest stay due, in their slots, and
     * the next take hands them on (late, with the time they were due).
     */
    int take(long now, int max, Due<T> to) {
        synchronized (taking) {
            int n = collect(now, max);
            for (int i = 0; i < n; i++) {
                to.due(taken.get(i).item, takenAt[i]);
            }
            taken.clear();
            return n;
        }
    }

    /**
     * Moves every entry's due time on by {@code millis}, keeping their spacing: the ticks start later than the plan
     * was made (after the deployment), and the turns that fell due meanwhile would otherwise all come at once.
     */
    synchronized void delay(long millis) {
        List<Entry<T>> all = new ArrayList<>(size);
        for (List<Entry<T>> slot : slots) {
            all.addAll(slot);
            slot.clear();
        }
        for (Entry<T> e : all) {
            e.due += millis;
            slotOf(e.due).add(e);
        }
    }

    /**
     * When the next take can hand something on (ms of the taker's clock; now or before when something is due
     * already), or {@link Long#MAX_VALUE} when nothing is held: the tick sleeps until then rather than looking every
     * slot (issue 17). The slots from the last one looked at, for one turn of the wheel, until one holds an entry due
     * within that turn; only when none does, every entry (all are a turn or more away, a rare case).
     */
    synchronized long nextDue() {
        for (long t = lastTick; t < lastTick + SLOTS; t++) {
            long due = earliest(slots.get((int) (t & (SLOTS - 1))), (t + 1) * resolution);
            if (due != Long.MAX_VALUE) {
                return due;
            }
        }
        long due = Long.MAX_VALUE;
        for (List<Entry<T>> slot : slots) {
            due = Math.min(due, earliest(slot, Long.MAX_VALUE));
        }
        return due;
    }

    /** The earliest due time before {@code end} of the slot's entries not cancelled; MAX_VALUE when none. */
    private static <T> long earliest(List<Entry<T>> slot, long end) {
        long due = Long.MAX_VALUE;
        for (int i = 0; i < slot.size(); i++) {
            Entry<T> e = slot.get(i);
            if (!e.cancelled && e.due < end && e.due < due) {
                due = e.due;
            }
        }
        return due;
    }

    /** Entries held, cancelled ones not yet dropped included. */
    synchronized int size() {
        return size;
    }

    private synchronized int collect(long now, int max) {
        long nowTick = Math.floorDiv(now, resolution);
        long from = Math.max(lastTick, nowTick - SLOTS + 1); // a gap of a whole turn looks at each slot once
        for (long t = from; t <= nowTick; t++) {
            if (!collectSlot(slots.get((int) (t & (SLOTS - 1))), now, max)) {
                // stopped at max: the slots before t are done, t is looked at again by the next take
                lastTick = Math.max(lastTick, t);
                return taken.size();
            }
        }
        lastTick = Math.max(lastTick, nowTick);
        return taken.size();
    }

    /** False when it stopped at {@code max} items taken, with entries due now possibly left in the slot. */
    private boolean collectSlot(List<Entry<T>> slot, long now, int max) {
        int i = 0;
        while (i < slot.size()) {
            if (taken.size() >= max) {
                return false;
            }
            Entry<T> e = slot.get(i);
            if (e.cancelled) {
                removeAt(slot, i);
                size--;
                continue;
            }
            if (e.due > now) { // due in a later turn of the wheel
                i++;
                continue;
            }
            if (taken.size() == takenAt.length) {
                takenAt = Arrays.copyOf(takenAt, takenAt.length * 2);
            }
            takenAt[taken.size()] = e.due;
            taken.add(e);
            long next = e.due + e.interval;
            if (next <= now) { // missed whole turns: once now, then on the grid again
                next += ((now - next) / e.interval + 1) * e.interval;
            }
            e.due = next;
            List<Entry<T>> target = slotOf(next);
            if (target == slot) {
                i++; // a whole turn of the wheel away: stays, and is not due again in this take
            } else {
                removeAt(slot, i);
                target.add(e);
            }
        }
        return true;
    }

    /** The slot of a due time; a time whose slot was already looked at goes to the one looked at next. */
    private List<Entry<T>> slotOf(long due) {
        long tick = Math.max(Math.floorDiv(due, resolution), lastTick);
        return slots.get((int) (tick & (SLOTS - 1)));
    }

    /** Removes without shifting: order within a slot does not matter. */
    private static <E> void removeAt(List<E> list, int i) {
        int last = list.size() - 1;
        list.set(i, list.get(last));
        list.remove(last);
    }
}
