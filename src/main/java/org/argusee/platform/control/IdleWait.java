package org.argusee.platform.control;

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

    /** Something may have changed: a waiting thread looks at the condition again. */
    public synchronized void signal() {
        notifyAll();
    }
}
