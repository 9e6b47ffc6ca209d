package org.argusee.platform.control;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets a periodic task's thread wait while there is nothing for it to do, instead of waking on its period to find
 * nothing (issue 17, the idle server): whoever may have given it work calls {@link #signal()}; the condition is
 * looked at again under the lock, so a signal between the look and the wait is not lost.
 */
public final class IdleWait {

    private final BooleanSupplier idle;

    /** {@code idle}: true while the task has nothing to do; read on the waiting thread under this object's lock. */
    public IdleWait(BooleanSupplier idle) {
        this.idle = idle;
    }

    /** Returns at once unless idle; else once signalled and no longer idle. */
    public synchronized void whileIdle() throws InterruptedException {
        while (idle.getAsBoolean()) {
            wait();
        }
    }

    /**
     * As {@link #whileIdle()}, but for at most {@code maxMillis}: a task that must also look now and then for work
     * nobody signals (rows written by another server) goes on after that even if still idle.
     */
    public synchronized void whileIdle(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        for (long left = maxMillis; idle.getAsBoolean() && left > 0; ) {
            wait(left);
            left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }
    }

    /** Something may have changed: a waiting thread looks at the condition again. */
    public synchronized void signal() {
        notifyAll();
    }
}
