package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timetable behind the scheduler's tick: each entry's grid, missed turns, cancelling. Times are given. */
class TimetableTest {

    private final Timetable<String> table = new Timetable<>(20, 0);
    private final List<String> seen = new ArrayList<>();

    private List<String> take(long now) {
        seen.clear();
        table.take(now, (item, dueAt) -> seen.add(item + "@" + dueAt));
        return List.copyOf(seen);
    }

    @Test
    void handsOnWhatIsDueWithItsPlannedTimeInOrderAndKeepsTheGrid() {
        table.add("a", 1_000, 60_000);
        table.add("b", 500, 60_000);
        assertEquals(List.of(), take(499));
        assertEquals(List.of("b@500", "a@1000"), take(1_010));
        assertEquals(List.of(), take(60_499));
        assertEquals(List.of("b@60500"), take(60_520));
        assertEquals(List.of("a@61000"), take(61_000));
    }

    @Test
    void aDelayMovesEveryTurnOnKeepingTheirSpacing() {
        table.add("a", 1_000, 60_000);
        table.add("b", 500, 60_000);
        table.delay(30_000);
        assertEquals(List.of(), take(30_499));
        assertEquals(List.of("b@30500"), take(30_500));
        assertEquals(List.of("a@31000"), take(31_000));
        assertEquals(List.of("b@90500"), take(90_500));
    }

    @Test
    void aTurnMissedByMoreThanAnIntervalIsTakenOnceThenTheGridGoesOn() {
        table.add("a", 1_000, 1_000);
        assertEquals(List.of("a@1000"), take(4_500));
        assertEquals(List.of(), take(4_999));
        assertEquals(List.of("a@5000"), take(5_000));
    }

    @Test
    void aCancelledEntryIsNeverHandedOnAndLeaves() {
        Timetable.Entry<String> a = table.add("a", 1_000, 1_000);
        table.add("b", 1_000, 1_000);
        a.cancel();
        assertEquals(List.of("b@1000"), take(1_000));
        assertEquals(1, table.size());
    }

    @Test
    void whatIsHandedOnMayAddEntries() {
        table.add("a", 1_000, 10_000);
        table.take(1_000, (item, dueAt) -> table.add(item + "'", dueAt + 5, 10_000));
        assertEquals(List.of("a'@1005"), take(1_005));
    }

    @Test
    void anIntervalLongerThanATurnOfTheWheelWaitsForItsTime() {
        long turn = Timetable.SLOTS * 20L;
        table.add("a", 1_000, turn + 2_000);
        assertEquals(List.of("a@1000"), take(1_000));
        for (long now = 1_000 + turn / 4; now < 1_000 + turn + 2_000; now += turn / 4) {
            assertEquals(List.of(), take(now));
        }
        assertEquals(List.of("a@" + (1_000 + turn + 2_000)), take(1_000 + turn + 2_000));
    }

    @Test
    void aGapLongerThanATurnLooksAtEverySlotOnce() {
        table.add("a", 1_000, 60_000);
        table.add("b", 30_000, 60_000);
        assertEquals(
                List.of("a@1000", "b@30000"), take(500_000).stream().sorted().toList());
        assertEquals(List.of(), take(500_010));
        assertEquals(
                List.of("a@541000", "b@510000"), take(541_000).stream().sorted().toList());
    }
}
