package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.argusee.status.control.Availability;
import org.argusee.status.control.AvailabilityPeriod;
import org.argusee.status.control.Granularity;
import org.junit.jupiter.api.Test;

class PartialGroupLogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static PartialGroupLog.Entry e(String source, long id, long hour, String from, String to, String sev) {
        return new PartialGroupLog.Entry(
                source, new TransitionView(id, T0.plusSeconds(hour * 3600), from, to, sev, "r" + id));
    }

    @Test
    void theGroupChangesWhereWhatTheVisibleSourcesShowChanges() {
        List<TransitionView> log = PartialGroupLog.replay(List.of(
                e("web", 1, 0, null, "up", "clear"),
                e("mail", 2, 1, null, "up", "clear"),
                e("web", 3, 2, "up", "down", "minor"),
                e("mail", 4, 3, "up", "down", "major"), // still down, but worse
                e("web", 5, 4, "down", "up", "clear"), // still down (mail)
                e("mail", 6, 5, "down", "override", "clear"),
                e("mail", 7, 6, "override", "up", "clear")));
        assertEquals(
                List.of("null>up", "up>down:minor", "down>down:major", "down>override:clear", "override>up:clear"),
                log.stream()
                        .map(t -> t.from() + ">" + t.to() + (t.from() == null ? "" : ":" + t.severity()))
                        .toList());
        assertEquals(
                List.of(2L, 3L, 4L, 6L, 7L),
                log.stream().map(TransitionView::id).toList());
        assertEquals("web: down (r3)", log.get(1).reason(), "the reason names the source that changed it");
    }

    @Test
    void aSourceIsKnownFromItsOldestKeptEntrysFromAndTheGroupOnlyOnceAllAre() {
        List<TransitionView> log = PartialGroupLog.replay(List.of(
                e("a", 10, 0, "down", "up", "clear"), // a's older entries are gone: it was down before
                e("b", 11, 1, null, "up", "clear")));
        assertEquals(1, log.size(), "unknown until b is known, then up: " + log);
        assertEquals("up", log.get(0).to());
    }

    @Test
    void availabilityComesFromTheRebuiltLog() {
        List<TransitionView> log = PartialGroupLog.replay(List.of(
                e("a", 1, 0, null, "up", "clear"),
                e("a", 2, 6, "up", "down", "critical"),
                e("a", 3, 12, "down", "up", "clear")));
        List<AvailabilityPeriod> days = Availability.summarise(
                PartialGroupLog.days(log, T0.plusSeconds(24 * 3600)),
                null,
                T0.plusSeconds(24 * 3600),
                Granularity.DAY,
                LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-01"));
        assertEquals(1, days.size());
        assertEquals(18 * 3600, days.get(0).upSeconds(), 1e-6);
        assertEquals(6 * 3600, days.get(0).downSeconds(), 1e-6);
        assertEquals(1, days.get(0).timesDown());
        assertEquals(75.0, days.get(0).upPercent(), 1e-9);
    }

    @Test
    void noVisibleSourceMeansNoLog() {
        assertEquals(List.of(), PartialGroupLog.replay(List.of()));
    }
}
