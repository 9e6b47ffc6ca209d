package org.argusee.probe.boundary;

import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Scheduler}'s tick: one thread of the container's managed thread factory that runs it, then sleeps until
 * the timetable's next due time ({@code nextDue}, ms of its steady {@code clock}), but at least {@code millis} after
 * the tick ended, and runs it again; {@link #dueBy} wakes it sooner when something earlier is added. It slept a fixed
 * 20 ms before, 50 wake-ups a second whether anything was due or not: the largest part of an idle server's CPU (issue
 * 17, docs/benchmarks.md). It was an EJB timer before that, whose expiries each passed the timer service's thread
 * hand-off and the EJB interceptor chain. The gap after a tick keeps a loaded server's rhythm as it was (at most one
 * tick per {@code millis}, what is due meanwhile gathered into it, no run of ticks catching up after a tick held up),
 * and so the lag: a turn starts at most {@code millis} after its time, as before. Nothing escapes a tick: a failed one
 * is logged and the next one goes on.
 */
final class Ticks {

    private static final Logger LOG = Logger.getLogger(Ticks.class.getName());

    /**
     * The longest sleep, whatever the timetable says: a due time told late or lost wakes the tick at most this much
     * after it; a wake-up a second costs next to nothing.
     */
    static final long MAX_SLEEP_MILLIS = 1000;

    private final long maxSleep;

    private final ThreadFactory threads;
    private final long millis;
    private final Runnable tick;
    private final LongSupplier nextDue;
    /** The time of the due times (ms): the scheduler's steady clock, never the wall clock, which may step. */
    private final LongSupplier clock;

    private final Object sleep = new Object();
    /** When the sleeping tick is to wake (ms of the clock): the next due time, or sooner if told; guarded by sleep. */
    private long wakeAt = Long.MAX_VALUE;

    private volatile Thread thread;
    private volatile boolean stopped;

    Ticks(ThreadFactory threads, long millis, Runnable tick, LongSupplier nextDue, LongSupplier clock) {
        this(threads, millis, tick, nextDue, clock, MAX_SLEEP_MILLIS);
    }

    /** With a longest sleep of its own (tests). */
    Ticks(ThreadFactory threads, long millis, Runnable tick, LongSupplier nextDue, LongSupplier clock, long maxSleep) {
        this.clock = clock;
        this.maxSleep = maxSleep;
        this.threads = threads;
        this.millis = millis;
        this.tick = tick;
        this.nextDue = nextDue;
    }

    private void start() {
        Thread t = threads.newThread(this::run);
        t.setName("argus-scheduler-tick");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Starts the ticks if they are not running: the first time from the scheduler's first EJB timeout, which the
     * container holds back until the deployment has started (ticks started in {@code @PostConstruct} probed 100,000
     * services while the server was still deploying, and ran it out of file descriptors on this machine), and again
     * if their thread died (never seen, but probing must go on).
     */
    synchronized void keepGoing() {
        Thread t = thread;
        if (!stopped && (t == null || !t.isAlive())) {
            if (t != null) {
                LOG.warning("the scheduler's ticks had stopped; starting them again");
            }
            start();
        }
    }

    /**
     * Something is due at {@code at} (ms of the clock), perhaps before the sleeping tick would wake: it wakes then (but
     * not sooner than {@code millis} after the last tick). Cheap when it is not earlier: a replan adds thousands.
     */
    void dueBy(long at) {
        synchronized (sleep) {
            if (at < wakeAt) {
                wakeAt = at;
                sleep.notifyAll();
            }
        }
    }

    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * The thread's loop, which only calls {@link #once}: a loop that never returns runs in the interpreter until
     * an on-stack replacement, which 20 turns a second never reach, and its body there was a tenth of the tick's CPU
     * (issue 17, docs/benchmarks.md, session 14); a method called that often is compiled.
     */
    private void run() {
        while (!stopped && once()) {
            // the work is in once()
        }
    }

    /** One tick and the sleep after it; false when interrupted (stopping). */
    private boolean once() {
        synchronized (sleep) {
            wakeAt = Long.MAX_VALUE; // what is added from here on wakes the next sleep
        }
        try {
            tick.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a tick of the scheduler failed; the next one goes on", e);
        }
        try {
            sleepUntilDue(clock.getAsLong() + millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sleeps until the next due time or an earlier one told meanwhile, not before {@code notBefore}. */
    private void sleepUntilDue(long notBefore) throws InterruptedException {
        long due;
        try {
            due = nextDue.getAsLong();
        } catch (RuntimeException e) { // never seen; ticking as before, every millis, is safe
            LOG.log(Level.WARNING, "the scheduler's tick could not tell its next time", e);
            due = notBefore;
        }
        synchronized (sleep) {
            wakeAt = Math.min(wakeAt, due);
            long latest = clock.getAsLong() + maxSleep;
            while (!stopped) {
                long wait = Math.min(Math.max(wakeAt, notBefore), latest) - clock.getAsLong();
                if (wait <= 0) {
                    return;
                }
                sleep.wait(wait);
            }
        }
    }
}
