package org.argusee.probe.control.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector of a {@link NetLoop} and the thread that owns it and every socket registered on it. A probe stays on
 * the one it was given when it started ({@link Exchange}), from its connect to the close of its channel, so its
 * steps never run on two threads at once; the loop spreads probes over its selector threads, one per core by
 * default, as one thread with one selector could not keep up with 500,000 services on two cores (issue 17).
 */
final class SelectorThread extends Thread {

    private static final Logger LOG = Logger.getLogger(SelectorThread.class.getName());
    /** Larger than any UDP datagram and than what a TCP probe keeps (64 KiB). */
    private static final int SCRATCH_SIZE = 64 * 1024;

    private final NetLoop loop;
    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_SIZE);
    /** Channels of finished probes whose keys are cancelled, to close once the selector has let go of them. */
    private final List<SelectableChannel> closing = new ArrayList<>();

    SelectorThread(NetLoop loop, String name) throws IOException {
        super(name);
        setDaemon(true);
        this.loop = loop;
        this.selector = Selector.open();
    }

    /** Queues a task; the caller has checked, under the loop's lock, that the loop is open, and wakes it. */
    void add(Runnable task) {
        tasks.add(task);
    }

    void wakeup() {
        selector.wakeup();
    }

    /** This thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Exchange exchange) throws ClosedChannelException {
        return channel.register(selector, ops, exchange);
    }

    /** See {@link NetLoop#dispose}: on this thread, the close waits for the selector to let go of the channel. */
    void dispose(SelectableChannel channel) {
        SelectionKey key = Thread.currentThread() == this && !loop.isClosed() ? channel.keyFor(selector) : null;
        if (key == null) {
            closeQuietly(channel);
        } else {
            key.cancel();
            closing.add(channel);
        }
    }

    /** A cleared buffer shared by the probes of this thread, only until the handler returns. */
    ByteBuffer scratch() {
        return scratch.clear();
    }

    boolean owns(Exchange exchange) {
        return exchange.selectorThread() == this;
    }

    @Override
    public void run() {
        try {
            while (!loop.isClosed()) {
                runTasks();
                if (closing.isEmpty()) { // a task may have ended a probe (its timeout): then no waiting
                    selector.select();
                    handleSelected();
                }
                while (!closing.isEmpty() && !loop.isClosed()) {
                    selector.selectNow(); // deregisters the cancelled keys (epoll_ctl DEL) without waiting
                    closeDeregistered();
                    handleSelected();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "network loop stopped; probes fail until it is restarted", e);
            loop.stopped();
        } finally {
            stopSelecting();
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

    static void closeQuietly(SelectableChannel c) {
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

    private void stopSelecting() {
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
        loop.failAll(this);
    }
}
