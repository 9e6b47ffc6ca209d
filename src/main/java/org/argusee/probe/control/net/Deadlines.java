package org.argusee.probe.control.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The probes' timeouts, on one sweeper thread that wakes only when a deadline may be due. A timer queue
 * ({@code ScheduledThreadPoolExecutor}) was woken by every scheduler tick: its probes finish within a millisecond, so
 * the queue is empty between ticks and each tick's first timeout became its head and woke its thread, a sleep and a
 * wake-up that cost about 40 us of CPU on a small VM, and its lock was taken by the tick, the loop (cancel) and the
 * timer (issue 17, docs/benchmarks.md, session 12).
 *
 * <p>Here the deadlines of one timeout duration are a FIFO ({@link DeadlineLane}), in order because each is taken under
 * the lane's lock; a finished probe only marks its deadline ({@link Deadline#cancel}). The sweeper sleeps until the
 * earliest head of the lanes, or, for an empty lane, one timeout after it looked, as nothing added since can fall due
 * earlier: a probe added to a lane it has seen never wakes it, so with probes that finish in time it wakes about once
 * per timeout duration. An adder wakes it only for a deadline earlier than it sleeps for (a lane it has not seen yet).
 * Due tasks run on the sweeper in deadline order, at their deadline, as they did on the timer thread.
 */
final class Deadlines implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Deadlines.class.getName());
    private static final Comparator<Deadline> BY_TIME = (a, b) -> Long.compare(a.at - b.at, 0);

    private final ConcurrentHashMap<Long, DeadlineLane> lanes = new ConcurrentHashMap<>();
    /**
     * The lane last added to: most probes share one timeout, and the map's look-up boxed the key each time (issue
     * 17). A retired one refuses the add, and the adder goes to the map.
     */
    private volatile DeadlineLane recent;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition alarm = lock.newCondition();
    private final Thread sweeper;
    /** When the sweeper will look next; Long.MAX_VALUE while it sweeps (an adder must then tell it). */
    private volatile long sleepsUntil = Long.MAX_VALUE;
    /** An adder told the sweeper of a deadline it may not know; guarded by lock. */
    private boolean told;

    private volatile boolean closed;
    private final AtomicLong sweeps = new AtomicLong();

    Deadlines(String threadName) {
        sweeper = new Thread(this::run, threadName);
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /** Runs the task on the sweeper thread {@code timeout} from now unless cancelled first; refused once closed. */
    Deadline add(Duration timeout, Runnable task) {
        long nanos = Math.max(0, timeout.toNanos());
        for (; ; ) {
            if (closed) {
                throw new RejectedExecutionException("deadlines closed");
            }
            DeadlineLane lane = recent;
            if (lane == null || lane.timeout != nanos) {
                lane = lanes.computeIfAbsent(nanos, DeadlineLane::new);
                recent = lane;
            }
            Deadline d = lane.add(task);
            if (d != null) {
                long sleeping = sleepsUntil;
                if (!lane.seen() || sleeping == Long.MAX_VALUE || d.at - sleeping < 0) {
                    tell();
                }
                return d;
            }
            recent = null;
            lanes.remove(nanos, lane); // retired under our hands: the sweeper has removed it or is about to
        }
    }

    /** Stops the sweeper; deadlines not yet due never fire (the loop fails its probes itself). */
    @Override
    public void close() {
        closed = true;
        tell();
        if (Thread.currentThread() != sweeper) { // closed from a timeout's task: the sweeper stops on return
            try {
                sweeper.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lanes.clear();
    }

    /** How many times the sweeper has looked at its lanes (each one a wake-up but the first): for tests. */
    long sweeps() {
        return sweeps.get();
    }

    /** Entries held, finished or not: for tests. */
    int size() {
        return lanes.values().stream().mapToInt(DeadlineLane::size).sum();
    }

    /** Timeout durations with a lane: for tests. */
    int lanes() {
        return lanes.size();
    }

    /** Whether the sweeper sleeps until a deadline (not sweeping, not waiting for a first one): for tests. */
    boolean sleepsForADeadline() {
        return sleepsUntil != Long.MAX_VALUE;
    }

    private void tell() {
        lock.lock();
        try {
            told = true;
            alarm.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        List<Deadline> due = new ArrayList<>();
        while (!closed) {
            sleepsUntil = Long.MAX_VALUE; // before looking at the lanes: whoever adds from now on tells
            long next = sweep(due);
            fire(due);
            sleep(next);
        }
    }

    /** Moves what is due into {@code due}; answers when to look again. */
    private long sweep(List<Deadline> due) {
        sweeps.incrementAndGet();
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (DeadlineLane lane : lanes.values()) {
            long at = lane.sweep(now, due);
            if (at == Long.MAX_VALUE) {
                lanes.remove(lane.timeout, lane);
            } else if (next == Long.MAX_VALUE || at - next < 0) {
                next = at;
            }
        }
        return next;
    }

    private void fire(List<Deadline> due) {
        due.sort(BY_TIME);
        for (Deadline d : due) {
            Runnable task = d.take();
            if (task != null && !closed) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a probe's timeout failed", e);
                }
            }
        }
        due.clear();
    }

    /** Until {@code next} (Long.MAX_VALUE: until told), unless an adder told of something new while it swept. */
    private void sleep(long next) {
        lock.lock();
        try {
            if (!told && !closed) {
                sleepsUntil = next;
                if (next == Long.MAX_VALUE) {
                    while (!told && !closed) {
                        alarm.awaitUninterruptibly();
                    }
                } else {
                    long wait = next - System.nanoTime();
                    while (!told && !closed && wait > 0) {
                        wait = alarm.awaitNanos(wait);
                    }
                }
            }
            told = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }
}
