package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifyScheduleTest {

    /** Sunday 6 December 2026. */
    private static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, ZoneId.of("UTC"));
    }

    @Test
    void firstMatchingLineWinsAsInTheOriginal() {
        NotifySchedule s = NotifySchedule.parse(List.of(
                "sat             => mail:johnny@example.com",
                "mon 9:00-17:00  => mail:billy@example.com",
                "*   0900 - 1700 => mail:day@example.com",
                "# a comment"));
        assertEquals(Optional.of("mail:billy@example.com"), s.valueAt(at(7, 12, 0)), "Monday noon");
        assertEquals(Optional.of("mail:day@example.com"), s.valueAt(at(8, 9, 0)), "Tuesday 9:00");
        assertEquals(Optional.of("mail:day@example.com"), s.valueAt(at(8, 17, 0)), "the end minute counts");
        assertEquals(Optional.empty(), s.valueAt(at(8, 17, 1)), "nothing matches: the plain parameter");
        assertEquals(Optional.of("mail:johnny@example.com"), s.valueAt(at(5, 3, 0)), "Saturday, any time");
    }

    @Test
    void badLinesAreRefusedNamingThem() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NotifySchedule.parse(List.of("someday => mail:x")));
        assertTrue(e.getMessage().contains("'someday'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NotifySchedule.parse(List.of("mon mail:x")));
        assertThrows(IllegalArgumentException.class, () -> NotifySchedule.parse(List.of("mon nine-five => x")));
    }
}
