package org.argusee.probe.boundary;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    private final Ticks ticks = new Ticks(Thread::new, 20, ticked::incrementAndGet, nextDue::get, HOUR);

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
}
