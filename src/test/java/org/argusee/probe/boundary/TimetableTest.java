package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timetable behind the scheduler's tick: each entry's grid, missed turns, cancelling. Times are given. */
class TimetableTest {

    private final Timetable<String> table = new Timetable<>();
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
}
