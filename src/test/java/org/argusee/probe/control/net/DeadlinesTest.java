package org.argusee.probe.control.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probes' timeouts: each fires once at or after its deadline, in order, never once cancelled. */
class DeadlinesTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    /** How late a deadline may fire here: generous, for a loaded machine; the bench measures, this only bounds. */
    private static final long LATE_NANOS = Duration.ofSeconds(10).toNanos();

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String name = "test-deadlines-" + NAMES.incrementAndGet();
    private final Deadlines deadlines = new Deadlines(name);
    /** When each fired, by its deadline. */
    private final Map<Deadline, Long> fired = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        deadlines.close();
    }

    @Test
    void deadlinesOfManyDurationsFireInOrderAtOrAfterTheirTime() {
        List<Integer> millis = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            millis.add(i * 7);
        }
        Collections.shuffle(millis, new Random(17));
        List<Deadline> order = new CopyOnWriteArrayList<>();
        for (int ms : millis) {
            Deadline[] self = new Deadline[1];
            synchronized (self) {
                self[0] = deadlines.add(Duration.ofMillis(ms), () -> {
                    synchronized (self) {
                        order.add(self[0]);
                        fired.put(self[0], System.nanoTime());
                    }
                });
            }
        }
        Eventually.await("every deadline fired", LONG_WAIT, () -> order.size() == millis.size());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1).at - order.get(i).at <= 0, "fired in the order of their deadlines");
        }
        assertOnTime(Set.copyOf(order));
        Eventually.await("idle lanes retired", LONG_WAIT, () -> deadlines.lanes() == 0 && deadlines.size() == 0);
    }

    @Test
    void cancelledDeadlinesNeverFire() {
        List<Deadline> kept = new ArrayList<>();
        List<Deadline> cancelled = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Deadline d = add(Duration.ofMillis(2000 + i % 3)); // long enough to be cancelled before, even when loaded
            if (i % 10 == 9) {
                kept.add(d);
            } else {
                d.cancel();
                cancelled.add(d);
            }
        }
        // the last one added falls due after every cancelled one of its lane: once it has fired, they were passed
        Eventually.await("the kept deadlines fired", LONG_WAIT, () -> fired.size() == kept.size());
        assertEquals(Set.copyOf(kept), fired.keySet());
        assertOnTime(fired.keySet());
    }

    @Test
    void severalThreadsAddAndCancelAtOnce() throws InterruptedException {
        Set<Deadline> kept = ConcurrentHashMap.newKeySet();
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            adders.add(new Thread(() -> {
                Random random = new Random(seed);
                List<Deadline> toCancel = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    Deadline d = add(Duration.ofMillis(5 + 15L * random.nextInt(6)));
                    if (random.nextBoolean()) {
                        kept.add(d);
                    } else {
                        toCancel.add(d);
                    }
                }
                toCancel.forEach(Deadline::cancel); // some may have fired already: only the kept ones must
            }));
        }
        adders.forEach(Thread::start);
        for (Thread t : adders) {
            t.join(LONG_WAIT.toMillis());
        }
        Eventually.await(
                "the kept deadlines fired", LONG_WAIT, () -> fired.keySet().containsAll(kept));
        assertOnTime(fired.keySet());
        Eventually.await("idle lanes retired", LONG_WAIT, () -> deadlines.lanes() == 0 && deadlines.size() == 0);
    }

    /** The point of the class: deadlines of a lane the sweeper sleeps on, finished in time, never wake it. */
    @Test
    void finishedDeadlinesNeitherWakeTheSweeperNorPileUp() {
        Deadline inFlight = add(Duration.ofSeconds(60)); // never finishes in this test: finished ones queue behind it
        Eventually.await("the sweeper sleeps until it", LONG_WAIT, deadlines::sleepsForADeadline);
        long sweeps = deadlines.sweeps();
        for (int i = 0; i < 20_000; i++) {
            add(Duration.ofSeconds(60)).cancel();
        }
        // a spurious wake-up of the sweeper may happen (and a sweep makes the adders of its moment tell it): a few
        long woken = deadlines.sweeps() - sweeps;
        assertTrue(woken <= 10, "woken " + woken + " times for 20,000 deadlines");
        assertTrue(deadlines.size() <= 2 * DeadlineLane.MIN_COMPACT, deadlines.size() + " entries held");
        assertFalse(inFlight.finished());
        assertTrue(fired.isEmpty());
    }

    @Test
    void closeStopsTheSweeperAndRefusesNewDeadlines() {
        add(Duration.ofSeconds(30));
        deadlines.close();
        Eventually.await("the sweeper stopped", LONG_WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(name)));
        assertThrows(RejectedExecutionException.class, () -> add(Duration.ofMillis(1)));
        assertTrue(fired.isEmpty());
    }

    @Test
    void aTimeoutMayCloseTheDeadlines() {
        deadlines.add(Duration.ofMillis(1), deadlines::close);
        Eventually.await("the sweeper stopped", LONG_WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(name)));
    }

    private Deadline add(Duration timeout) {
        Deadline[] self = new Deadline[1];
        synchronized (self) { // the task may run before add returns: it waits for self[0]
            self[0] = deadlines.add(timeout, () -> {
                synchronized (self) {
                    fired.put(self[0], System.nanoTime());
                }
            });
            return self[0];
        }
    }

    private void assertOnTime(Set<Deadline> which) {
        for (Deadline d : which) {
            long late = fired.get(d) - d.at;
            assertTrue(late >= 0, "fired " + -late + " ns early");
            assertTrue(late < LATE_NANOS, "fired " + late / 1_000_000 + " ms late");
        }
    }
}
