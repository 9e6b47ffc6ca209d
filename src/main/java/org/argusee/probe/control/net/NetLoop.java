package org.argusee.probe.control.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The event loop of the network monitors, like the original's: a {@link SelectorThread} owns a {@link Selector}
 * and every socket on it, so thousands of probes in flight cost no thread each. There is one selector thread, or
 * several ({@link #open(int)}: a probe is given one when it starts, in turn, and stays on it), as one thread alone
 * could not keep up with 500,000 services on a machine of two cores (issue 17, docs/benchmarks.md, session 11).
 * Other threads hand a probe's work to its thread with {@link #execute}; timeouts run on one thread of their own
 * ({@link Deadlines}); hostnames are resolved by {@link HostResolver}.
 *
 * <p>{@link #close()} stops the loop and ends every probe still in flight as failed ("shut down").
 */
public final class NetLoop implements AutoCloseable {

    public static final String SHUT_DOWN = "shut down";
    private static final String NAME = "argus-netloop";
    /** Blocking name lookups are short and cached by the JDK; a few threads cover thousands of probes a second. */
    private static final int RESOLVER_THREADS = 4;

    private final List<SelectorThread> threads;
    private final Deadlines deadlines;
    private final HostResolver resolver = new HostResolver(RESOLVER_THREADS, "argus-resolver");
    private final InFlight live = new InFlight();

    private final Object lock = new Object();
    private volatile boolean closed;
    /** The selector thread the next probe goes to; guarded by lock. */
    private int next;

    private NetLoop(int count) throws IOException {
        List<SelectorThread> made = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            made.add(new SelectorThread(this, count == 1 ? NAME : NAME + "-" + i));
        }
        threads = List.copyOf(made);
        deadlines = new Deadlines(NAME + "-timer");
        threads.forEach(Thread::start);
    }

    /** A loop of one selector thread. */
    public static NetLoop open() throws IOException {
        return open(1);
    }

    /** A loop of {@code threads} selector threads (at least one), probes spread over them. */
    public static NetLoop open(int threads) throws IOException {
        return new NetLoop(Math.max(1, threads));
    }

    /** Its selector threads. */
    public int threads() {
        return threads.size();
    }

    /** Probes started and not yet completed. */
    public int inFlight() {
        return live.size();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops the loop; probes in flight complete as failed. Waits a few seconds at most. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        threads.forEach(SelectorThread::wakeup);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (SelectorThread t : threads) {
            if (Thread.currentThread() != t) { // closed from a completion running on the loop: it stops on return
                try {
                    t.join(Math.max(
                            1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        deadlines.close();
        resolver.shutdown();
        live.forEach(e -> e.fail(SHUT_DOWN)); // the loop does this too; this covers a loop that did not stop
    }

    /** Admits a probe and gives it its selector thread; false when the loop is closed. */
    boolean admit(Exchange exchange) {
        synchronized (lock) {
            if (closed || !live.add(exchange)) {
                return false;
            }
            exchange.on(threads.get(next));
            next = next + 1 == threads.size() ? 0 : next + 1;
            return true;
        }
    }

    void forget(Exchange exchange) {
        live.remove(exchange);
    }

    /** A selector thread stopped on an error: the whole loop stops, as with one thread before. */
    void stopped() {
        synchronized (lock) {
            closed = true;
        }
        threads.forEach(SelectorThread::wakeup);
    }

    /** Ends the probes of a selector thread that has stopped. */
    void failAll(SelectorThread thread) {
        live.forEach(e -> {
            if (thread.owns(e)) {
                e.fail(SHUT_DOWN);
            }
        });
    }

    /**
     * Runs the task on the exchange's selector thread; false if the loop is closed and the task will never run.
     * Inside {@link #batched} the thread is woken once for the batch, not once per task.
     */
    boolean execute(Exchange exchange, Runnable task) {
        SelectorThread thread = exchange.selectorThread();
        synchronized (lock) {
            if (closed) {
                return false;
            }
            thread.add(task);
        }
        if (!WakeBatch.defer(thread)) {
            thread.wakeup();
        }
        return true;
    }

    /**
     * The work, run so that the tasks it hands to network loops wake each selector thread once at its end (or every
     * {@value WakeBatch#MAX_DEFERRED} tasks) rather than once per task: each wake-up is a system call on this thread
     * and a return from the loop's select with one more on its side, and a scheduler's tick starts its probes in a
     * row (issue 17, docs/benchmarks.md, session 10).
     */
    public static Runnable batched(Runnable work) {
        return () -> WakeBatch.run(work);
    }

    /**
     * Runs the task (a probe's timeout) on the loop's timeout thread {@code timeout} from now, unless the returned
     * deadline is cancelled first; throws {@link java.util.concurrent.RejectedExecutionException} once the loop is
     * closed. Cancelling takes no lock, and a probe that finishes in time costs that thread no wake-up.
     */
    public Deadline deadline(Duration timeout, Runnable task) {
        return deadlines.add(timeout, task);
    }

    public HostResolver resolver() {
        return resolver;
    }

    /** On the exchange's selector thread only (where its {@code begin} and {@code ready} run). */
    public SelectionKey register(SelectableChannel channel, int ops, Exchange exchange) throws ClosedChannelException {
        return exchange.selectorThread().register(channel, ops, exchange);
    }

    /**
     * Closes a finished probe's channel. On its selector thread, a registered one is closed after the selector has let
     * go of it (its key cancelled now, the close at the end of this round): the JDK cannot close a channel still
     * registered, so it would shut its output down at once (a {@code getsockopt} and a {@code shutdown}) and close it
     * at the next select, two system calls a probe more than a plain {@code close}, whose FIN is the same (issue 17,
     * session 10).
     */
    void dispose(Exchange exchange, SelectableChannel channel) {
        SelectorThread thread = exchange.selectorThread();
        if (thread == null) {
            SelectorThread.closeQuietly(channel);
        } else {
            thread.dispose(channel);
        }
    }

    /**
     * A cleared buffer shared by the probes of the calling selector thread, only until the handler returns: on a
     * selector thread of this loop only.
     */
    public ByteBuffer scratch() {
        if (Thread.currentThread() instanceof SelectorThread t && threads.contains(t)) {
            return t.scratch();
        }
        throw new IllegalStateException("the scratch buffer is for the loop's own threads");
    }
}
