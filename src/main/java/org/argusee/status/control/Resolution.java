package org.argusee.status.control;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The time buckets of result samples (UTC): minutes for the recent past, then hours, then days. */
public enum Resolution {
    MINUTE(ChronoUnit.MINUTES, Duration.ofDays(2)),
    HOUR(ChronoUnit.HOURS, Duration.ofDays(45)),
    DAY(ChronoUnit.DAYS, Duration.ofDays(3 * 365));

    private final ChronoUnit unit;
    private final Duration kept;

    Resolution(ChronoUnit unit, Duration kept) {
        this.unit = unit;
        this.kept = kept;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Instant start(Instant t) {
        return t.truncatedTo(unit);
    }

    public Instant end(Instant start) {
        return start.plus(1, unit);
    }

    /** How long rows of this resolution are kept (the original kept 2048 samples, 1024 hours, 1024 days). */
    public Duration kept() {
        return kept;
    }
}
