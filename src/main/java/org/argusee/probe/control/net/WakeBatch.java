package org.argusee.probe.control.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The selector threads of network loops a thread has handed tasks to without waking them yet, while it runs a batch
 * ({@link NetLoop#batched}). A task waits at most until the batch ends or {@value #MAX_DEFERRED} tasks are queued,
 * so a long batch (a tick that starts thousands of probes after a stall) does not hold its first probes back: the
 * probe's clock (its timeout, its elapsed time) runs from its start, before the hand-off.
 */
final class WakeBatch {

    static final int MAX_DEFERRED = 64;
    /**
     * Each thread's batch, kept between batches: setting and removing a thread-local at every tick cleared a
     * reference through a native call and made a batch and its list each time (issue 17, session 14). Only a
     * thread that runs batches (the scheduler's tick, which ends with the application) holds one.
     */
    private static final ThreadLocal<WakeBatch> CURRENT = new ThreadLocal<>();

    private final List<SelectorThread> loops = new ArrayList<>(2);
    private int deferred;
    private boolean running;

    private WakeBatch() {}

    static void run(Runnable work) {
        WakeBatch batch = CURRENT.get();
        if (batch == null) {
            batch = new WakeBatch();
            CURRENT.set(batch);
        } else if (batch.running) {
            work.run(); // nested: the outer batch wakes
            return;
        }
        batch.running = true;
        try {
            work.run();
        } finally {
            batch.running = false;
            batch.wakeAll();
        }
    }

    /** True if this thread runs a batch that will wake the loop; false: the caller wakes it now. */
    static boolean defer(SelectorThread loop) {
        WakeBatch batch = CURRENT.get();
        if (batch == null || !batch.running) {
            return false;
        }
        if (!batch.loops.contains(loop)) {
            batch.loops.add(loop);
        }
        if (++batch.deferred >= MAX_DEFERRED) {
            batch.wakeAll();
        }
        return true;
    }

    private void wakeAll() {
        for (SelectorThread loop : loops) {
            loop.wakeup();
        }
        loops.clear();
        deferred = 0;
    }
}
