package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.platform.control.SteadyClock;
import org.junit.jupiter.api.Test;

/** Silence and unanswered pings both count; a peer that answers late pings in order is alive. */
class HeartbeatTest {

    final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
    final Heartbeat beat = new Heartbeat(2000);

    @Test
    void silencePastTheTimeoutIsDown() {
        beat.opened(t0);
        assertEquals(Optional.empty(), beat.overdue(t0.plusMillis(2000)));
        assertEquals(Optional.of("nothing heard for 2000 ms"), beat.overdue(t0.plusMillis(2001)));
        beat.heard(t0.plusMillis(1500));
        assertEquals(Optional.empty(), beat.overdue(t0.plusMillis(3000)));
    }

    @Test
    void aPeerThatTalksButNeverAnswersAPingIsDown() {
        beat.opened(t0);
        beat.welcomed(3000);
        assertEquals(Optional.of(1L), beat.pingDue(t0.plusMillis(1000), 1000));
        for (int ms = 1100; ms <= 3100; ms += 100) {
            beat.heard(t0.plusMillis(ms));
        }
        assertEquals(Optional.of("no answer to a ping within 2000 ms"), beat.overdue(t0.plusMillis(3001)));
    }

    @Test
    void aPongAnswersItsPingAndOlderOnes() {
        beat.opened(t0);
        assertEquals(Optional.of(1L), beat.pingDue(t0.plusMillis(500), 500));
        assertEquals(Optional.of(2L), beat.pingDue(t0.plusMillis(1000), 500));
        assertEquals(Optional.empty(), beat.pingDue(t0.plusMillis(1200), 500), "not due yet");
        beat.heard(t0.plusMillis(1300));
        beat.answered(1);
        assertEquals(Optional.empty(), beat.overdue(t0.plusMillis(2700)), "ping 2 is 1.7 s old");
        assertTrue(beat.overdue(t0.plusMillis(3001)).isPresent(), "ping 2 unanswered for 2 s");
        beat.answered(2);
        beat.heard(t0.plusMillis(3001));
        assertEquals(Optional.empty(), beat.overdue(t0.plusMillis(3002)));
    }

    /**
     * On the steady clock (as the master's sessions and the slave's link use it), the wall clock set forward 2 h does
     * not make a peer heard a second ago look silent, and set back 10 min it does not stop the pings. On wall times
     * the first dropped every link and the second stopped the pings for the step (docs/reliability.md, "clockstep").
     */
    @Test
    void aSteppedWallClockNeitherSilencesThePeerNorStopsThePings() {
        AtomicLong wall = new AtomicLong(t0.toEpochMilli());
        AtomicLong nanos = new AtomicLong();
        SteadyClock clock = new SteadyClock(wall::get, nanos::get);
        beat.opened(clock.instant());
        beat.welcomed(3000);
        wall.addAndGet(7_200_000 + 1000);
        nanos.addAndGet(1_000_000_000L);
        assertEquals(Optional.empty(), beat.overdue(clock.instant()));
        assertTrue(beat.overdue(Instant.ofEpochMilli(wall.get())).isPresent(), "on the wall clock it looks silent");
        assertEquals(Optional.of(1L), beat.pingDue(clock.instant(), 1000));
        beat.answered(1);
        wall.addAndGet(-7_800_000 + 1000);
        nanos.addAndGet(1_000_000_000L);
        assertEquals(Optional.of(2L), beat.pingDue(clock.instant(), 1000));
        assertEquals(Optional.empty(), beat.pingDue(Instant.ofEpochMilli(wall.get()), 1000), "none on the wall clock");
    }
}
