package org.argusee.probe.control.net;

/**
 * A probe's timeout in {@link Deadlines}: its task runs on the sweeper thread at {@code at} unless it was cancelled
 * first. Cancelling is one volatile write, no lock, as it happens on the thread that finishes the probe (a selector
 * thread, SNMP4J's receiver); it also lets go of the task, so a finished probe is not kept by its deadline while the
 * entry waits in its FIFO behind one still in flight.
 */
public final class Deadline {

    /** {@link System#nanoTime()} when it falls due. */
    final long at;

    private volatile Runnable task;

    Deadline(long at, Runnable task) {
        this.at = at;
        this.task = task;
    }

    /** The task will not run, unless it is already running or about to. Any thread; cheap. */
    public void cancel() {
        task = null;
    }

    boolean finished() {
        return task == null;
    }

    /** The task to run now, once; null if it was cancelled. Sweeper thread. */
    Runnable take() {
        Runnable t = task;
        task = null;
        return t;
    }
}
