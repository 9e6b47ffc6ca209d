package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.platform.control.SteadyClock;
import org.argusee.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's tick sleeps until the timetable's next due time and is woken sooner by a turn added earlier. Waits
 * for conditions with deadlines only; nothing depends on how fast the machine is.
 */
class TicksTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** Its longest sleep here: a tick within the test's deadline was woken, not at the end of a sleep. */
    private static final long HOUR = 3_600_000;

    private final AtomicInteger ticked = new AtomicInteger();
    private final AtomicLong nextDue = new AtomicLong(Long.MAX_VALUE);
    private final Ticks ticks =
            new Ticks(Thread::new, 20, ticked::incrementAndGet, nextDue::get, System::currentTimeMillis, HOUR);

    @AfterEach
    void stop() {
        ticks.stop();
    }

    @Test
    void aTurnAddedEarlierWakesTheSleepingTick() {
        ticks.keepGoing();
        Eventually.await("the first tick", WITHIN, () -> ticked.get() >= 1);
        int before = ticked.get();
        nextDue.set(System.currentTimeMillis());
        ticks.dueBy(System.currentTimeMillis());
        Eventually.await("a tick after dueBy", WITHIN, () -> ticked.get() > before);
    }

    @Test
    void somethingDueAlreadyIsTakenAgainAndAgain() {
        nextDue.set(0); // due long ago: a take capped at the in-flight limit left it
        ticks.keepGoing();
        Eventually.await("ticks while something is due", WITHIN, () -> ticked.get() >= 5);
    }

    /**
     * The wall clock set back 10 minutes, then forward 2 hours, while a service is due every 100 ms: its turns go on
     * at that pace. On the wall clock the turns stopped for the 10 minutes (the wheel takes nothing before the last
     * time it looked at) and every service fell due at once after the step forward (docs/reliability.md, "clockstep").
     */
    @Test
    void aSteppedWallClockNeitherHoldsTheTurnsNorHurriesThem() {
        AtomicLong step = new AtomicLong();
        SteadyClock clock = new SteadyClock(() -> System.currentTimeMillis() + step.get(), System::nanoTime);
        Timetable<String> table = new Timetable<>(20, clock.millis());
        table.add("service", clock.millis(), 100);
        AtomicInteger turns = new AtomicInteger();
        Runnable take = () -> table.take(clock.millis(), (item, dueAt) -> turns.incrementAndGet());
        Ticks stepped = new Ticks(Thread::new, 20, take, table::nextDue, clock::millis, HOUR);
        try {
            stepped.keepGoing();
            Eventually.await("turns before the step", WITHIN, () -> turns.get() >= 3);
            for (long by : new long[] {-600_000, 7_800_000}) {
                step.addAndGet(by);
                long from = System.nanoTime();
                int before = turns.get();
                Eventually.await("turns after a step of " + by + " ms", WITHIN, () -> turns.get() >= before + 5);
                long elapsed = (System.nanoTime() - from) / 1_000_000;
                int taken = turns.get() - before;
                assertTrue(taken <= elapsed / 100 + 2, taken + " turns in " + elapsed + " ms, due every 100 ms");
            }
        } finally {
            stepped.stop();
        }
    }
}
