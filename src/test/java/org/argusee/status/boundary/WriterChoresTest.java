package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The writer's timed chores come once an interval, also after the wall clock was set back. */
class WriterChoresTest {

    private final WriterChores chores = new WriterChores();
    private final Instant t0 = Instant.parse("2026-12-08T02:00:00Z");

    @Test
    void aStandbysReadComesEveryFiveSeconds() {
        assertTrue(chores.resync(t0));
        assertFalse(chores.resync(t0.plusSeconds(4)));
        assertTrue(chores.resync(t0.plusSeconds(5)));
    }

    @Test
    void aClockSetBackDoesNotHoldTheChoresForTheLengthOfTheStep() {
        assertTrue(chores.resync(t0));
        Instant back = t0.minus(Duration.ofMinutes(10)).plusSeconds(1);
        assertTrue(chores.resync(back), "the read after a step back of 10 minutes");
        assertFalse(chores.resync(back.plusSeconds(1)), "then every 5 s again");
        assertTrue(chores.resync(back.plusSeconds(5)));
    }
}
