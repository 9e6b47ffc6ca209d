package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleBucketsTest {

    private static final Instant T = Instant.parse("2026-03-01T10:59:10Z");
    private static final Duration MS_20 = Duration.ofMillis(20);

    @Test
    void probesOfOneMinuteMakeOneRow() {
        SampleBuckets buckets = new SampleBuckets();
        Instant t = Instant.parse("2026-03-01T10:30:10Z");
        assertTrue(buckets.add(1, t, true, 5.0, MS_20).isEmpty());
        assertTrue(buckets.add(1, t.plusSeconds(20), false, null, Duration.ofMillis(40))
                .isEmpty());
        assertTrue(buckets.add(1, t.plusSeconds(40), true, 7.0, MS_20).isEmpty());
        Sample minute = buckets.current(1, Resolution.MINUTE, t).orElseThrow();
        assertEquals(3, minute.probes());
        assertEquals(1, minute.failures());
        assertEquals(new Range(2, 5, 12, 7), minute.value());
        assertEquals(6.0, minute.value().average());
        assertEquals(40.0, minute.elapsed().max(), 1e-9);

        List<SampleRow> closed = buckets.add(1, t.plusSeconds(60), true, 1.0, MS_20);
        assertEquals(List.of(new SampleRow(1, Resolution.MINUTE, minute)), closed, "the minute is over");
    }

    @Test
    void minutesAddUpToHoursAndHoursCloseWhenOver() {
        SampleBuckets buckets = new SampleBuckets();
        buckets.add(1, T, true, 1.0, MS_20);
        List<SampleRow> atEleven = buckets.add(1, T.plusSeconds(60), true, 3.0, MS_20); // closes 10:59 and hour 10
        assertEquals(
                List.of(Resolution.MINUTE, Resolution.HOUR),
                atEleven.stream().map(SampleRow::resolution).toList());
        assertEquals(new Range(1, 1, 1, 1), atEleven.get(1).sample().value());
        Sample hour11 = buckets.current(1, Resolution.HOUR, T.plusSeconds(60)).orElseThrow();
        assertEquals(1, hour11.probes(), "only the minute under way in the new hour");

        List<SampleRow> closed = buckets.closeBefore(Instant.parse("2026-03-01T12:00:00Z"));
        assertEquals(
                List.of(Resolution.MINUTE, Resolution.HOUR),
                closed.stream().map(SampleRow::resolution).toList());
        assertEquals(
                Instant.parse("2026-03-01T11:00:00Z"), closed.get(1).sample().start());
        assertTrue(buckets.closeBefore(Instant.parse("2026-03-01T12:00:00Z")).isEmpty());
    }

    @Test
    void theCurrentDayIsWhatMemoryHolds() {
        SampleBuckets buckets = new SampleBuckets();
        Instant t = Instant.parse("2026-03-01T10:30:10Z");
        buckets.add(1, t, true, null, MS_20);
        buckets.closeBefore(t.plusSeconds(60)); // minute 10:30 into hour 10, which is still under way
        buckets.add(1, t.plusSeconds(60), true, null, MS_20);
        Sample day = buckets.current(1, Resolution.DAY, t.plusSeconds(60)).orElseThrow();
        assertEquals(2, day.probes());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), day.start());
        assertNull(day.value(), "no result was a number");
        assertTrue(buckets.current(2, Resolution.DAY, T).isEmpty());
    }

    @Test
    void closeAllKeepsEverything() {
        SampleBuckets buckets = new SampleBuckets();
        buckets.add(1, T, true, 2.0, MS_20);
        List<SampleRow> rows = buckets.closeAll();
        assertEquals(
                List.of(Resolution.MINUTE, Resolution.HOUR),
                rows.stream().map(SampleRow::resolution).toList());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), rows.get(1).sample().start());
        assertTrue(buckets.current(1, Resolution.HOUR, T).isEmpty());
    }
}
