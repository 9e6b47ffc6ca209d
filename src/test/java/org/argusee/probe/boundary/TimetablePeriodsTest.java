package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Counts what the timetable hands on per entry over several periods, as the scheduler's ticks take it (every 20-22
 * ms of a given clock, no sleeping): each entry exactly once per interval from its first turn, for entries added
 * after the ticks started (a benchmark's import), planned before and delayed to the ticks' start (the first plan),
 * and replaced by an entry of another interval (a service whose frequency was edited). The benchmark that measured
 * twice the planned probes (docs/benchmarks.md, ee789ee) was not the schedule's doing; this is what says so.
 */
class TimetablePeriodsTest {

    private static final long START = 1_765_000_000_000L;
    private static final long MINUTE = 60_000;

    private final Timetable<Integer> table = new Timetable<>(Scheduler.TICK_MILLIS, START);
    private final Random random = new Random(17);
    private final Map<Integer, Integer> taken = new HashMap<>();
    private final List<Planned> planned = new ArrayList<>();
    private long now = START;
    private long lastTake;

    /** An entry as added: first due, interval, and until when it was in the table (its cancel, else for good). */
    private record Planned(int id, long firstDue, long interval, long until, Timetable.Entry<Integer> entry) {

        int turnsUpTo(long lastTake) {
            long end = Math.min(lastTake, until);
            return firstDue > end ? 0 : (int) ((end - firstDue) / interval) + 1;
        }
    }

    private void ticksUntil(long end) {
        while (now < end) {
            table.take(now, (id, dueAt) -> taken.merge(id, 1, Integer::sum));
            lastTake = now;
            now += Scheduler.TICK_MILLIS + random.nextInt(3);
        }
    }

    private void add(int count, long interval, long from) {
        for (int i = 0; i < count; i++) {
            int id = planned.size();
            long firstDue = from + (long) (random.nextDouble() * interval);
            planned.add(new Planned(id, firstDue, interval, Long.MAX_VALUE, table.add(id, firstDue, interval)));
        }
    }

    private void assertOncePerInterval() {
        for (Planned p : planned) {
            assertEquals(p.turnsUpTo(lastTake), taken.getOrDefault(p.id(), 0), () -> "turns of " + p);
        }
    }

    @Test
    void servicesAddedAfterTheTicksStartedAreEachTakenOncePerInterval() {
        ticksUntil(START + 30_000);
        add(2_000, MINUTE, now);
        ticksUntil(START + 30_000 + 5 * MINUTE);
        assertOncePerInterval();
    }

    @Test
    void aPlanDelayedToTheTicksStartIsTakenOncePerIntervalFromThere() {
        add(1_000, MINUTE, START);
        now = START + 45_000; // the deployment took 45 s: no take before the ticks start
        table.delay(45_000);
        planned.replaceAll(p -> new Planned(p.id(), p.firstDue() + 45_000, p.interval(), p.until(), p.entry()));
        ticksUntil(START + 45_000 + 4 * MINUTE);
        assertOncePerInterval();
    }

    @Test
    void anEditedFrequencyReplacesTheTurnsAndLeavesNoneOfTheOldOnes() {
        add(500, 3_000, START);
        add(500, MINUTE, START);
        ticksUntil(START + 2 * MINUTE + 7);
        // as the scheduler's replan of an edited service: the old turns cancelled, new ones at the new frequency
        for (int i = 0; i < 1_000; i += 2) {
            Planned old = planned.get(i);
            old.entry().cancel();
            planned.set(i, new Planned(old.id(), old.firstDue(), old.interval(), lastTake, old.entry()));
            int id = planned.size();
            long interval = old.interval() == MINUTE ? 2_000 : MINUTE;
            long firstDue = now + (long) (random.nextDouble() * interval);
            planned.add(new Planned(id, firstDue, interval, Long.MAX_VALUE, table.add(id, firstDue, interval)));
        }
        ticksUntil(START + 6 * MINUTE);
        assertOncePerInterval();
    }
}
