package org.argusee.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A steady clock moves with the monotonic clock only; a step of the wall clock shows in {@code toWall} alone. */
class SteadyClockTest {

    private static final long START = 1_796_000_000_000L;

    private final AtomicLong wall = new AtomicLong(START);
    private final AtomicLong nanos = new AtomicLong(42);
    private final SteadyClock clock = new SteadyClock(wall::get, nanos::get);

    @Test
    void readsAsTheWallClockDidThenMovesWithTheMonotonicOne() {
        assertEquals(START, clock.millis());
        nanos.addAndGet(1_500_000_000L);
        wall.addAndGet(1_500);
        assertEquals(START + 1_500, clock.millis());
        assertEquals(Instant.ofEpochMilli(START + 1_500), clock.instant());
    }

    @Test
    void aStepOfTheWallClockDoesNotMoveIt() {
        nanos.addAndGet(1_000_000_000L);
        wall.addAndGet(1_000 + 7_200_000); // a second passed, and the clock was set forward 2 h
        assertEquals(START + 1_000, clock.millis());
        wall.addAndGet(-7_800_000); // set back 2 h 10 min
        assertEquals(START + 1_000, clock.millis());
    }

    @Test
    void aSteadyInstantIsShownAtItsWallTime() {
        Instant heard = clock.instant();
        nanos.addAndGet(3_000_000_000L);
        wall.addAndGet(3_000 + 7_200_000); // heard 3 s ago, and the wall clock set forward 2 h since
        assertEquals(Instant.ofEpochMilli(START + 7_200_000), clock.toWall(heard));
    }
}
