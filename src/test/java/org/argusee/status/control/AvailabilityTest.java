package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static final LocalDate D1 = LocalDate.of(2026, 2, 27);
    private static final Instant MIDNIGHT = Instant.parse("2026-02-28T00:00:00Z");

    @Test
    void aPeriodIsSplitAtUtcMidnights() {
        List<DayTally> days =
                Availability.split(Status.DOWN, MIDNIGHT.minusSeconds(600), MIDNIGHT.plusSeconds(86_400 + 30));
        assertEquals(
                List.of(
                        new DayTally(D1, 0, 600, 0),
                        new DayTally(D1.plusDays(1), 0, 86_400, 0),
                        new DayTally(D1.plusDays(2), 0, 30, 0)),
                days);
        assertTrue(Availability.split(Status.UP, MIDNIGHT, MIDNIGHT).isEmpty());
    }

    @Test
    void aChangeClosesThePeriodAndCountsTheTimeDown() {
        ObjectState up = state(Status.UP, MIDNIGHT.minusSeconds(100));
        ObjectState down = state(Status.DOWN, MIDNIGHT.plusSeconds(50));
        assertEquals(
                List.of(
                        new DayTally(D1, 100, 0, 0),
                        new DayTally(D1.plusDays(1), 50, 0, 0),
                        new DayTally(D1.plusDays(1), 0, 0, 1)),
                Availability.of(new StateChange(1, up, down, MIDNIGHT.plusSeconds(50))));
        assertEquals(
                List.of(new DayTally(D1.plusDays(1), 0, 0, 1)),
                Availability.of(new StateChange(1, null, down, MIDNIGHT.plusSeconds(50))),
                "first known as down");
        ObjectState overridden = new ObjectState(
                Status.DOWN,
                Severity.CRITICAL,
                new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null),
                null,
                down.since(),
                true);
        assertTrue(
                Availability.of(new StateChange(1, down, overridden, MIDNIGHT.plusSeconds(60)))
                        .isEmpty(),
                "what it shows is not what it is");
    }

    @Test
    void periodsAddStoredDaysAndTheRunningPeriod() {
        List<DayTally> stored = List.of(new DayTally(D1, 3600, 0, 0), new DayTally(D1.minusDays(1), 0, 0, 0));
        ObjectState downSince = state(Status.DOWN, MIDNIGHT.minusSeconds(1200));
        Instant now = MIDNIGHT.plusSeconds(1800);
        List<AvailabilityPeriod> days =
                Availability.summarise(stored, downSince, now, Granularity.DAY, D1.minusDays(2), D1.plusDays(1));
        assertEquals(4, days.size());
        assertNull(days.get(0).upPercent(), "nothing known that day");
        AvailabilityPeriod d1 = days.get(2);
        assertEquals(3600, d1.upSeconds());
        assertEquals(1200, d1.downSeconds());
        assertEquals(75.0, d1.upPercent(), 1e-9);
        assertEquals(25.0, d1.downPercent(), 1e-9);
        assertEquals(100.0, days.get(3).downPercent(), 1e-9);

        List<AvailabilityPeriod> months = Availability.summarise(
                List.of(new DayTally(D1, 100, 100, 2)), null, now, Granularity.MONTH, D1, D1.plusDays(2));
        assertEquals(2, months.size(), "February and March");
        assertEquals(LocalDate.of(2026, 2, 1), months.get(0).start());
        assertEquals(LocalDate.of(2026, 3, 1), months.get(0).end());
        assertEquals(2, months.get(0).timesDown());
        assertEquals(
                LocalDate.of(2026, 1, 1),
                Availability.summarise(List.of(), null, now, Granularity.YEAR, D1, D1)
                        .get(0)
                        .start());
    }

    private static ObjectState state(Status status, Instant since) {
        Severity severity = status == Status.UP ? Severity.CLEAR : Severity.CRITICAL;
        return new ObjectState(
                status,
                severity,
                new DisplayStatus(status == Status.UP ? DisplayState.UP : DisplayState.DOWN, severity, null),
                null,
                since,
                false);
    }
}
