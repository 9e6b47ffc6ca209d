package org.argusee.probe.control.net;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The deadlines of one timeout duration, in a FIFO: each one is taken under the lane's lock, so they are in order and
 * only the head can be due. Finished entries are dropped from the head by whoever takes the lock next (the adder,
 * the sweeper); those behind an entry still in flight go when the FIFO has doubled since it was last compacted, so
 * it holds about twice the probes in flight of this duration at most, never a whole timeout's worth of probes.
 */
final class DeadlineLane {

    /** Below this many entries a lane is never compacted: a copy would cost more than the entries. */
    static final int MIN_COMPACT = 256;

    final long timeout;
    private ArrayDeque<Deadline> fifo = new ArrayDeque<>();
    private int compactAt = MIN_COMPACT;
    /** The latest deadline ever added: once it has passed and the lane is empty, the lane is idle. */
    private long last;
    /** Set by the sweeper once it has looked at this lane: until then every adder tells it (a lane it may not know). */
    private volatile boolean seen;
    /** Taken out of the map by the sweeper: an adder holding it goes to the map again. */
    private boolean retired;

    DeadlineLane(long timeout) {
        this.timeout = timeout;
    }

    /**
     * Adds the task due one timeout from now; null if the lane is retired. The deadline is read under the lock, so
     * the FIFO stays in order whichever thread adds.
     */
    synchronized Deadline add(Runnable task) {
        if (retired) {
            return null;
        }
        dropFinishedHead();
        if (fifo.size() >= compactAt) {
            compact();
        }
        Deadline d = new Deadline(System.nanoTime() + timeout, task);
        fifo.addLast(d);
        last = d.at;
        return d;
    }

    /** Whether the sweeper has looked at this lane; read after {@link #add}, without the lock. */
    boolean seen() {
        return seen;
    }

    /**
     * Sweeper thread, at {@code now}: moves what is due into {@code due}, and answers when it must look again, a
     * time before any deadline of this lane not yet due, present or future: the head's, or, if the lane is empty, one
     * timeout from now, since whatever is added later falls due at least that late. Long.MAX_VALUE: the lane is idle
     * and retired (the caller takes it out of the map).
     */
    synchronized long sweep(long now, List<Deadline> due) {
        seen = true;
        Deadline head;
        while ((head = fifo.peekFirst()) != null && (head.finished() || head.at - now <= 0)) {
            fifo.pollFirst();
            if (!head.finished()) {
                due.add(head);
            }
        }
        if (head != null) {
            return head.at;
        }
        if (last - now <= 0) {
            retired = true;
            fifo = new ArrayDeque<>(); // the array of a past burst goes with it
            return Long.MAX_VALUE;
        }
        return now + timeout;
    }

    /** Entries held, finished or not. */
    synchronized int size() {
        return fifo.size();
    }

    private void dropFinishedHead() {
        Deadline head;
        while ((head = fifo.peekFirst()) != null && head.finished()) {
            fifo.pollFirst();
        }
    }

    /** Copies what is in flight into a new FIFO, so the array of a burst is freed as well. */
    private void compact() {
        ArrayDeque<Deadline> live = new ArrayDeque<>(fifo.size());
        for (Deadline d : fifo) {
            if (!d.finished()) {
                live.addLast(d);
            }
        }
        fifo = live;
        compactAt = Math.max(MIN_COMPACT, 2 * live.size());
    }
}
