package org.argusee.probe.boundary;

import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Scheduler}'s tick: one thread of the container's managed thread factory that runs it, sleeps
 * {@code millis}, and runs it again. It was an EJB timer that armed the next one; its 50 expiries a second each
 * passed the timer service's thread hand-off and the EJB interceptor chain (request scope, transaction attribute, a
 * new timer), three quarters of an idle server's CPU (docs/benchmarks.md, issue 17); a task of the managed
 * scheduled executor still set up the container's context on each run. A fixed delay, not a fixed rate: a tick held
 * up (a loaded machine, a collection) is not followed by a run of ticks catching up. Nothing escapes a tick: a
 * failed one is logged and the next one goes on.
 */
final class Ticks {

    private static final Logger LOG = Logger.getLogger(Ticks.class.getName());

    private final ThreadFactory threads;
    private final long millis;
    private final Runnable tick;
    private volatile Thread thread;
    private volatile boolean stopped;

    Ticks(ThreadFactory threads, long millis, Runnable tick) {
        this.threads = threads;
        this.millis = millis;
        this.tick = tick;
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

    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        while (!stopped) {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a tick of the scheduler failed; the next one goes on", e);
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping
            }
        }
    }
}
