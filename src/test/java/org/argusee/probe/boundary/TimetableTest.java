package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aTakeCappedAtMaxLeavesTheRestDueForTheNextOneWithTheirPlannedTimes() {
        table.add("a", 500, 60_000);
        table.add("b", 520, 60_000);
        table.add("c", 540, 60_000);
        table.add("d", 5_000, 60_000);
        List<String> first = new ArrayList<>();
        assertEquals(2, table.take(1_000, 2, (item, dueAt) -> first.add(item + "@" + dueAt)));
        assertEquals(List.of("a@500", "b@520"), first);
        List<String> none = new ArrayList<>();
        assertEquals(0, table.take(1_020, 0, (item, dueAt) -> none.add(item)));
        assertEquals(List.of("c@540"), take(1_040)); // late, with the time it was due
        assertEquals(List.of("d@5000"), take(5_000));
        assertEquals(List.of("a@60500", "b@60520", "c@60540"), take(60_540)); // each back on its grid
    }

    @Test
    void theNextDueTimeIsTheEarliestTurnNotCancelledAndNoneWhenEmpty() {
        assertEquals(Long.MAX_VALUE, table.nextDue());
        Timetable.Entry<String> a = table.add("a", 1_005, 60_000);
        table.add("b", 7_000, 60_000);
        assertEquals(1_005, table.nextDue());
        a.cancel();
        assertEquals(7_000, table.nextDue());
        take(7_000);
        assertEquals(67_000, table.nextDue());
    }

    @Test
    void whatIsLeftDueByACappedTakeIsDueNow() {
        table.add("a", 500, 60_000);
        table.add("b", 520, 60_000);
        table.take(1_000, 1, (item, dueAt) -> {});
        assertEquals(520, table.nextDue()); // in the past: the tick takes it at once
    }

    @Test
    void aTurnMoreThanAWheelAwayIsFoundToo() {
        long turn = Timetable.SLOTS * 20L;
        table.add("a", 1_000 + 3 * turn, 3 * turn);
        table.add("b", 1_000 + 2 * turn, 3 * turn);
        assertEquals(1_000 + 2 * turn, table.nextDue());
        take(1_000 + 2 * turn);
        assertEquals(1_000 + 3 * turn, table.nextDue());
    }

    @Test
    void theCapLeavesRoomUnderItsMaximumAndNeverLessThanNone() {
        int[] inFlight = {0};
        InFlightCap cap = new InFlightCap(() -> inFlight[0], 10);
        assertEquals(10, cap.room());
        inFlight[0] = 7;
        assertEquals(3, cap.room());
        inFlight[0] = 12;
        assertEquals(0, cap.room());
        assertTrue(InFlightCap.halfTheFileLimit() >= 100);
    }

    /** An item made of its own entry (the scheduler's services): handed on itself, cancelled through its entry. */
    private record Keeper(String name, Timetable.Entry<Object> turns) {}

    @Test
    void anItemMadeOfItsEntryIsHandedOnItselfAndCancelledThroughIt() {
        Timetable<Object> own = new Timetable<>(20, 0);
        Keeper a = own.add(1_000, 1_000, e -> new Keeper("a", e));
        Keeper b = own.add(1_000, 1_000, e -> new Keeper("b", e));
        assertEquals(1_000, a.turns().interval());
        List<Object> taken = new ArrayList<>();
        own.take(1_000, (item, dueAt) -> taken.add(item));
        assertEquals(
                List.of(a, b),
                taken.stream()
                        .sorted((x, y) -> ((Keeper) x).name().compareTo(((Keeper) y).name()))
                        .toList());
        a.turns().cancel();
        assertTrue(a.turns().cancelled());
        taken.clear();
        own.take(2_000, (item, dueAt) -> taken.add(item));
        assertEquals(List.of(b), taken);
        assertEquals(1, own.size());
    }
}
