package org.argusee.live.control;

import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the live dispatcher runs: as soon as something arrived, but at most once every {@code periodNanos} (a
 * burst of changes is still gathered into rounds, as the fixed 25 ms rounds did), and at the time the inbox says
 * held items are due (groups' counts, notifications, peers); never otherwise. An idle server's dispatcher used to
 * run 40 times a second to find nothing (issue 17: 0.005 core-s a second of an idle server, the most of any
 * thread). A change waits no longer than with fixed rounds: at most one period after the last round.
 */
public final class Wakeups {

    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Runnable dispatch;
    private final long periodNanos;
    /** A round for what arrived is scheduled and has not started: what arrives meanwhile goes with it. */
    private final AtomicBoolean soon = new AtomicBoolean();

    private volatile long lastRound;
    private volatile ScheduledExecutorService executor;
    /** The round at a due time, and that time; the dispatcher's thread only. */
    private ScheduledFuture<?> later;

    private long laterAt;

    public Wakeups(Runnable dispatch, long periodNanos) {
        this.dispatch = dispatch;
        this.periodNanos = periodNanos;
        this.lastRound = System.nanoTime() - periodNanos;
    }

    /** Rounds from now on run on {@code one}, which has one thread; what arrived before goes in the first. */
    public void start(ScheduledExecutorService one) {
        executor = one;
        if (soon.getAndSet(false)) {
            arrived();
        }
    }

    /** Something arrived: a round within a period of the last one. Any thread, lock-free on the usual path. */
    public void arrived() {
        ScheduledExecutorService executor = this.executor;
        if (!soon.compareAndSet(false, true) || executor == null) {
            return; // a round is coming, or (not started yet) start() makes the first one
        }
        long wait = Math.max(0, lastRound + periodNanos - System.nanoTime());
        try {
            executor.schedule(this::soonRound, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the application is stopping: no more rounds
        }
    }

    /**
     * After a round: the inbox holds items due at {@code dueNanos} (as {@link System#nanoTime()}), or none (empty);
     * see {@link LiveInbox#nextDue()}. Dispatcher thread only.
     */
    public void dueAt(OptionalLong dueNanos) {
        if (dueNanos.isEmpty()) {
            return;
        }
        long at = dueNanos.getAsLong();
        if (later != null && !later.isDone() && laterAt - at <= 0) {
            return; // a round at that time or sooner is scheduled already
        }
        if (later != null) {
            later.cancel(false);
        }
        try {
            // at most a second ahead: the held items are due within that, a reading that says more is off
            long now = System.nanoTime();
            long wait = Math.max(0, Math.min(at - now, MAX_WAIT_NANOS));
            laterAt = now + wait;
            later = executor.schedule(this::laterRound, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the application is stopping
        }
    }

    private void soonRound() {
        soon.set(false); // before the round takes what arrived: anything later schedules the next round
        round();
    }

    private void laterRound() {
        later = null; // this round is under way: the due time it leaves is scheduled anew
        round();
    }

    private void round() {
        lastRound = System.nanoTime();
        dispatch.run();
    }
}
