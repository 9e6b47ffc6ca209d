package org.argusee.status.boundary;

import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When {@link StatusWriter} runs a round: as soon as the {@link StatusBoard} has handed it something ({@link
 * #arrived}: a change to store, a sample bucket closed), but not sooner than {@code gapMillis} after the last round
 * ended, so a busy server's rounds gather what arrives meanwhile into one transaction as the fixed 100 ms rounds did;
 * and at the time the writer's timed work is due (a minute's sample buckets, an override's expiry, its chores),
 * which it says after each round. Never otherwise: the fixed rounds ran ten times a second on an idle server to find
 * nothing (issue 17, docs/benchmarks.md). A change waits no longer than with fixed rounds: at most one gap after the
 * last round. {@link #MAX_SLEEP_MILLIS} bounds any sleep, as the due times are epoch ms (a clock set forward).
 */
final class WriterWakeup {

    static final long MAX_SLEEP_MILLIS = 5000;
    private static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());

    private final Object lock = new Object();
    /** Something arrived since the last round started; the first round runs at once (what the start restored). */
    private volatile boolean arrived = true;

    private boolean stopped; // guarded by lock

    /**
     * The board has queued something for the writer. Any thread (the board calls it under its own lock, after the
     * queueing: the writer clears the flag before it drains, so nothing is left behind); a read of a volatile flag
     * when a round is coming already.
     */
    void arrived() {
        if (!arrived) {
            synchronized (lock) {
                arrived = true;
                lock.notifyAll();
            }
        }
    }

    /**
     * Runs {@code round} each time it is due, until {@link #stop} or an interrupt; {@code due} says, after a round,
     * when the next one is due if nothing arrives (epoch ms). On the writer's own thread.
     */
    void run(Runnable round, LongSupplier due, long gapMillis) {
        long notBefore = 0;
        try {
            while (await(notBefore, dueAt(due))) {
                round.run();
                notBefore = System.currentTimeMillis() + gapMillis;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the application is stopping
        }
    }

    /** When the next round is due; should that fail (never seen), a round every gap, as the fixed rounds ran. */
    private static long dueAt(LongSupplier due) {
        try {
            return due.getAsLong();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot tell when the status writer's next round is due; one comes soon", e);
            return 0;
        }
    }

    /** No more rounds (the writer stops; its last write is its own). */
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    /** Waits for the next round; false when stopped. Clears the flag before the round drains the board. */
    private boolean await(long notBefore, long dueAt) throws InterruptedException {
        long latest = System.currentTimeMillis() + MAX_SLEEP_MILLIS;
        synchronized (lock) {
            while (!stopped) {
                long at = arrived ? notBefore : Math.min(Math.max(notBefore, dueAt), latest);
                long wait = at - System.currentTimeMillis();
                if (wait <= 0) {
                    arrived = false;
                    return true;
                }
                lock.wait(wait);
            }
            return false;
        }
    }
}
