package org.argusee.live.control;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
 *
 * <p>Bounded by age too: a socket whose oldest waiting message has waited longer than {@code maxAgeNanos} gets the
 * resync as well, checked on each offer and before each send. Length alone let a socket that drained slowly deliver
 * news seconds old for as long as it never quite filled its queue (session 5's burst: 6-11 s until a socket filled
 * its 2,000 and got its resync); a page that refetches shows the present at once.
 */
public final class SocketQueue {

    private static final int IDLE = 0;
    private static final int SENDING = 1;
    private static final int DONE_AT_ONCE = 2;

    private final int capacity;
    private final Consumer<String> sender;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    /** When each waiting message was offered ({@link #clock}), in the same order as {@link #waiting}. */
    private final ArrayDeque<Long> offeredAt = new ArrayDeque<>();
    /** Per thread: whether it is inside the sender's call for this queue, and whether that send completed. */
    private final ThreadLocal<int[]> inSend = ThreadLocal.withInitial(() -> new int[] {IDLE});

    private boolean sending;
    private long overflows;

    /** @param sender starts an asynchronous send; its completion must call {@link #sent()} */
    public SocketQueue(int capacity, Consumer<String> sender) {
        this(capacity, Long.MAX_VALUE, System::nanoTime, sender);
    }

    /**
     * @param maxAgeNanos the longest a message may wait before the backlog is replaced by a resync
     * @param clock nanoseconds, as {@link System#nanoTime()}
     * @param sender starts an asynchronous send; its completion must call {@link #sent()}
     */
    public SocketQueue(int capacity, long maxAgeNanos, LongSupplier clock, Consumer<String> sender) {
        this.capacity = capacity;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        this.sender = sender;
    }

    public void offer(String message) {
        String now;
        synchronized (this) {
            long at = clock.getAsLong();
            if (waiting.size() >= capacity || tooOld(at)) {
                resyncInstead(at);
                return;
            }
            waiting.add(message);
            offeredAt.add(at);
            if (sending) {
                return;
            }
            sending = true;
            now = poll();
        }
        run(now);
    }

    /** Whether the oldest waiting change (a resync at the head does not count: it is never old news) is too old. */
    private boolean tooOld(long now) {
        Iterator<Long> times = offeredAt.iterator();
        if (LiveMessages.RESYNC.equals(waiting.peek()) && times.hasNext()) {
            times.next();
        }
        return times.hasNext() && now - times.next() > maxAgeNanos;
    }

    /** Drops the backlog for one resync (one overflow, however often it is decided before the resync is sent). */
    private void resyncInstead(long now) {
        boolean pending = LiveMessages.RESYNC.equals(waiting.peek());
        waiting.clear();
        offeredAt.clear();
        waiting.add(LiveMessages.RESYNC);
        offeredAt.add(now);
        if (!pending) {
            overflows++;
        }
    }

    private String poll() {
        offeredAt.poll();
        return waiting.poll();
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
        long now = clock.getAsLong();
        if (tooOld(now)) {
            resyncInstead(now);
        }
        String next = poll();
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
