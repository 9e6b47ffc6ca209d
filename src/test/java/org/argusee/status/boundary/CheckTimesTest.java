package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.argusee.status.control.ServiceStatus;
import org.junit.jupiter.api.Test;

/**
 * The last checks in cells of their own, which the board's entries keep: a cell is made once per service and never
 * replaced, so a check set through a kept cell is the one readers, restores and the writer's marks see.
 */
class CheckTimesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private final CheckTimes checks = new CheckTimes();

    private static void check(CheckTimes.Cell cell, Instant at, String result) {
        CheckTimes.checked(cell, at, result, Duration.ofMillis(3), ServiceStatus.initial(T0));
    }

    @Test
    void aKeptCellIsTheServicesCheckForReadersAndTheWriter() {
        assertNull(checks.get(7));
        CheckTimes.Cell cell = checks.cell(7);
        assertSame(cell, checks.cell(7));
        check(cell, T0, "1");
        assertEquals("1", checks.get(7).result());
        assertEquals(List.of(new LastCheck.Mark(7, T0, "1")), checks.toStore());
        assertEquals(List.of(), checks.toStore()); // marked as stored
        check(cell, T0.plusSeconds(60), "2");
        assertEquals(T0, checks.get(7).storedAt()); // carried over from the check before
        assertEquals(List.of(new LastCheck.Mark(7, T0.plusSeconds(60), "2")), checks.toStore());
    }

    @Test
    void aRestoreFillsOnlyServicesNotCheckedSinceAndAReplaceEveryOneInTheSameCells() {
        CheckTimes.Cell checked = checks.cell(1);
        check(checked, T0.plusSeconds(60), "mine");
        LastCheck stored = new LastCheck(T0, "stored", Duration.ZERO, 0, null, T0);
        checks.restore(Map.of(1L, stored, 2L, stored));
        assertEquals("mine", checks.get(1).result());
        assertEquals("stored", checks.get(2).result());
        CheckTimes.Cell restored = checks.cell(2);
        checks.replace(Map.of(1L, stored));
        assertEquals("stored", checked.get().result());
        check(restored, T0.plusSeconds(120), "after");
        assertEquals("after", checks.last(2).orElseThrow().result());
        assertTrue(checks.last(3).isEmpty());
    }
}
