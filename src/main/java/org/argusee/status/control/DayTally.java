package org.argusee.status.control;

import java.time.LocalDate;
import java.util.Objects;

/** Seconds an object spent up and down on one UTC day, and how often it went down that day. */
public record DayTally(LocalDate day, double upSeconds, double downSeconds, int timesDown) {

    public DayTally {
        Objects.requireNonNull(day, "day");
    }

    public DayTally plus(DayTally other) {
        return new DayTally(
                day, upSeconds + other.upSeconds, downSeconds + other.downSeconds, timesDown + other.timesDown);
    }
}
