package org.argusee.status.control;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The periods availability is given for. */
public enum Granularity {
    DAY,
    MONTH,
    YEAR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Granularity> fromLabel(String label) {
        for (Granularity g : values()) {
            if (label != null && g.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the period after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }
}
