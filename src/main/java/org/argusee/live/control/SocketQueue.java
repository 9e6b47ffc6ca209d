package org.argusee.live.control;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The messages waiting for one socket, sent one at a time (the next when the last one's send completes). Bounded:
 * when a client cannot keep up the backlog is dropped and replaced by one {@code resync}, so a stalled browser
 * costs a fixed amount of memory and never holds anyone else up.
 *
 * <p>A send may complete at once, inside the sender's call (the container writes it straight away and calls the
 * completion on the same thread). Starting the next send from that completion nested one call in the other for
 * every waiting message: during a burst, with a client that read fast, a backlog of some hundreds overflowed the
 * thread's stack, the error ended the chain of sends, and the socket stayed open with nothing sent again, not even
 * the resync (issue 12's burst: sockets that neither got every change nor a resync). A completion inside the
 * sender's call only notes it; the loop in {@link #run} sends the next.
 */
public final class SocketQueue {

    private static final int IDLE = 0;
    private static final int SENDING = 1;
    private static final int DONE_AT_ONCE = 2;

    private final int capacity;
    private final Consumer<String> sender;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    /** Per thread: whether it is inside the sender's call for this queue, and whether that send completed. */
    private final ThreadLocal<int[]> inSend = ThreadLocal.withInitial(() -> new int[] {IDLE});

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
        run(now);
    }

    /** The last send completed: start the next one, if any. */
    public void sent() {
        int[] state = inSend.get();
        if (state[0] == SENDING) {
            state[0] = DONE_AT_ONCE; // within the sender's call: run() goes on with the next
            return;
        }
        String next = next();
        if (next != null) {
            run(next);
        }
    }

    /** Sends {@code first}, then the next ones as long as each send completes at once. */
    private void run(String first) {
        int[] state = inSend.get();
        for (String message = first; message != null; message = next()) {
            state[0] = SENDING;
            try {
                sender.accept(message);
            } finally {
                boolean done = state[0] == DONE_AT_ONCE;
                state[0] = IDLE;
                if (!done) {
                    return; // its completion comes later, on another call of sent()
                }
            }
        }
    }

    private synchronized String next() {
        String next = waiting.poll();
        sending = next != null;
        return next;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    public synchronized long overflows() {
        return overflows;
    }
}
