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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event loop of the network monitors, like the original's: one thread owns a {@link Selector} and every
 * socket on it, so thousands of probes in flight cost no thread each. Other threads hand it work with
 * {@link #execute}; timeouts run on one shared timer thread; hostnames are resolved by {@link HostResolver}.
 *
 * <p>{@link #close()} stops the loop and ends every probe still in flight as failed ("shut down").
 */
public final class NetLoop implements AutoCloseable {

    public static final String SHUT_DOWN = "shut down";
    private static final Logger LOG = Logger.getLogger(NetLoop.class.getName());
    private static final String NAME = "argus-netloop";
    /** Blocking name lookups are short and cached by the JDK; a few threads cover thousands of probes a second. */
    private static final int RESOLVER_THREADS = 4;
    /** Larger than any UDP datagram and than what a TCP probe keeps (64 KiB). */
    private static final int SCRATCH_SIZE = 64 * 1024;

    private final Selector selector;
    private final Thread thread;
    private final ScheduledThreadPoolExecutor timer;
    private final HostResolver resolver = new HostResolver(RESOLVER_THREADS, "argus-resolver");
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<Exchange> live = ConcurrentHashMap.newKeySet();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_SIZE);
    /** Channels of finished probes whose keys are cancelled, to close once the selector has let go of them. */
    private final List<SelectableChannel> closing = new ArrayList<>();

    private final Object lock = new Object();
    private volatile boolean closed;

    private NetLoop(Selector selector) {
        this.selector = selector;
        timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, NAME + "-timer"));
        // cancelled timeouts (most probes finish in time) must leave the queue at once, not when they fall due
        timer.setRemoveOnCancelPolicy(true);
        thread = daemon(this::run, NAME);
        thread.start();
    }

    public static NetLoop open() throws IOException {
        return new NetLoop(Selector.open());
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
        selector.wakeup();
        if (Thread.currentThread() != thread) { // closed from a completion running on the loop: it stops on return
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        resolver.shutdown();
        live.forEach(e -> e.fail(SHUT_DOWN)); // the loop does this too; this covers a loop that did not stop
    }

    boolean admit(Exchange exchange) {
        synchronized (lock) {
            return !closed && live.add(exchange);
        }
    }

    void forget(Exchange exchange) {
        live.remove(exchange);
    }

    /**
     * Runs the task on the loop thread; false if the loop is closed and the task will never run. Inside
     * {@link #batched} the loop is woken once for the batch, not once per task.
     */
    boolean execute(Runnable task) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            tasks.add(task);
        }
        if (!WakeBatch.defer(this)) {
            wakeup();
        }
        return true;
    }

    void wakeup() {
        selector.wakeup();
    }

    /**
     * The work, run so that the tasks it hands to network loops wake each loop once at its end (or every
     * {@value WakeBatch#MAX_DEFERRED} tasks) rather than once per task: each wake-up is a system call on this thread
     * and a return from the loop's select with one more on its side, and a scheduler's tick starts its probes in a
     * row (issue 17, docs/benchmarks.md, session 10).
     */
    public static Runnable batched(Runnable work) {
        return () -> WakeBatch.run(work);
    }

    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    public HostResolver resolver() {
        return resolver;
    }

    /** Loop thread only. */
    public SelectionKey register(SelectableChannel channel, int ops, Exchange exchange) throws ClosedChannelException {
        return channel.register(selector, ops, exchange);
    }

    /**
     * Closes a finished probe's channel. On the loop, a registered one is closed after the selector has let go of it
     * (its key cancelled now, the close at the end of this round): the JDK cannot close a channel still registered,
     * so it would shut its output down at once (a {@code getsockopt} and a {@code shutdown}) and close it at the next
     * select, two system calls a probe more than a plain {@code close}, whose FIN is the same (issue 17, session 10).
     */
    void dispose(SelectableChannel channel) {
        SelectionKey key = Thread.currentThread() == thread && !closed ? channel.keyFor(selector) : null;
        if (key == null) {
            closeQuietly(channel);
        } else {
            key.cancel();
            closing.add(channel);
        }
    }

    /** A cleared buffer shared by all probes: loop thread only, and only until the handler returns. */
    public ByteBuffer scratch() {
        return scratch.clear();
    }

    private void run() {
        try {
            while (!closed) {
                runTasks();
                if (closing.isEmpty()) { // a task may have ended a probe (its timeout): then no waiting
                    selector.select();
                    handleSelected();
                }
                while (!closing.isEmpty() && !closed) {
                    selector.selectNow(); // deregisters the cancelled keys (epoll_ctl DEL) without waiting
                    closeDeregistered();
                    handleSelected();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "network loop stopped; probes fail until it is restarted", e);
            synchronized (lock) {
                closed = true;
            }
        } finally {
            stop();
        }
    }

    private void handleSelected() {
        for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid()) {
                ((Exchange) key.attachment()).handle(key);
            }
        }
        selector.selectedKeys().clear();
    }

    private void closeDeregistered() {
        for (SelectableChannel c : closing) {
            closeQuietly(c);
        }
        closing.clear();
    }

    private static void closeQuietly(SelectableChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to do with a channel that will not close; the probe's outcome stands
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "network loop task failed", e);
            }
        }
    }

    private void stop() {
        closeDeregistered();
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a probe's channel at shutdown", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the selector", e);
        }
        live.forEach(e -> e.fail(SHUT_DOWN));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
