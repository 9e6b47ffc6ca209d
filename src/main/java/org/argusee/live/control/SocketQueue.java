package org.argusee.live.control;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The messages waiting for one socket, sent one at a time (the next when the last one's send completes). Bounded:
 * when a client cannot keep up the backlog is dropped and replaced by one {@code resync}, so a stalled browser
 * costs a fixed amount of memory and never holds anyone else up.
 */
public final class SocketQueue {

    private final int capacity;
    private final Consumer<String> sender;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private boolean sending;
    private long overflows;

    /** @param sender starts an asynchronous send; its completion must call {@link #sent()} */
    public SocketQueue(int capacity, Consumer<String> sender) {
        this.capacity = capacity;
        this.sender = sender;
    }

    public void offer(String message) {
        String now;
        synchronized (this) {
            if (waiting.size() >= capacity) {
                waiting.clear();
                waiting.add(LiveMessages.RESYNC);
                overflows++;
                return;
            }
            waiting.add(message);
            if (sending) {
                return;
            }
            sending = true;
            now = waiting.poll();
        }
        sender.accept(now);
    }

    /** The last send completed: start the next one, if any. */
    public void sent() {
        String next;
        synchronized (this) {
            next = waiting.poll();
            sending = next != null;
        }
        if (next != null) {
            sender.accept(next);
        }
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    public synchronized long overflows() {
        return overflows;
    }
}
