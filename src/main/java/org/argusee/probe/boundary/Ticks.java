package org.argusee.probe.boundary;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Scheduler}'s tick: a task of fixed delay on the managed scheduled executor. It was an EJB timer that
 * armed the next one; its 50 expiries a second each passed the timer service's thread hand-off and the EJB
 * interceptor chain (request scope, transaction attribute, a new timer), which was three quarters of an idle
 * server's CPU and some 0.04 core-s per 1,000 probes at 20,000 services (docs/benchmarks.md, issue 17). A fixed
 * delay, not a fixed rate: a tick held up (a loaded machine, a collection) is not followed by a run of ticks
 * catching up. Nothing may escape a tick, since an exception would end such a task for good.
 */
final class Ticks {

    private static final Logger LOG = Logger.getLogger(Ticks.class.getName());

    private final ScheduledExecutorService executor;
    private final long millis;
    private final Runnable tick;
    private volatile ScheduledFuture<?> running;

    Ticks(ScheduledExecutorService executor, long millis, Runnable tick) {
        this.executor = executor;
        this.millis = millis;
        this.tick = tick;
    }

    void start() {
        running = executor.scheduleWithFixedDelay(this::safely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts the ticks again if they stopped (the executor ended the task): never seen, but probing must go on. */
    void keepGoing() {
        ScheduledFuture<?> r = running;
        if (r != null && r.isDone()) {
            LOG.warning("the scheduler's ticks had stopped; starting them again");
            start();
        }
    }

    void stop() {
        ScheduledFuture<?> r = running;
        if (r != null) {
            r.cancel(false);
        }
    }

    private void safely() {
        try {
            tick.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a tick of the scheduler failed; the next one goes on", e);
        }
    }
}
