package org.argusee.argusconf.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.argusee.notify.control.NotifySchedule;
import org.junit.jupiter.api.Test;

/** The checker's schedule rule and the notifications' parser accept and refuse the same lines. */
class ScheduleLineTest {

    @Test
    void theCheckerAcceptsWhatTheNotificationsRead() {
        for (String line : List.of(
                "sat             => mail:johnny@example.com",
                "*   0900 - 1700 => yes",
                "* => yes",
                "Mon 8:00-17:00 => yes",
                "all 0400 - 0600 => no",
                "someday 08:00 - 17:00  => yes",
                "Mon-Fri 18:00 - 24:00 => yes",
                "mon nine-five => x",
                "bad line",
                "=> yes",
                "mon 9 - 5 => x")) {
            boolean notifications = accepts(line);
            assertEquals(notifications, ScheduleLine.problem(line).isEmpty(), line);
        }
    }

    private static boolean accepts(String line) {
        try {
            NotifySchedule.parse(List.of(line));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
