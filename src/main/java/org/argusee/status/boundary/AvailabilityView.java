package org.argusee.status.boundary;

import java.time.LocalDate;
import java.util.List;
import org.argusee.status.control.AvailabilityPeriod;

/**
 * Availability of an object per day, month or year (UTC), oldest period first.
 *
 * @param withheld not shown to this caller (as {@link TransitionPage#withheld}): every period reads as nothing known
 */
public record AvailabilityView(
        String fullName, String per, LocalDate from, LocalDate to, List<AvailabilityPeriod> periods, boolean withheld) {

    public AvailabilityView(
            String fullName, String per, LocalDate from, LocalDate to, List<AvailabilityPeriod> periods) {
        this(fullName, per, from, to, periods, false);
    }

    /** The same periods as a caller who may not see them gets them. */
    public AvailabilityView hidden() {
        return new AvailabilityView(
                fullName,
                per,
                from,
                to,
                periods.stream()
                        .map(p -> new AvailabilityPeriod(p.start(), p.end(), 0, 0, 0, null, null))
                        .toList(),
                true);
    }
}
