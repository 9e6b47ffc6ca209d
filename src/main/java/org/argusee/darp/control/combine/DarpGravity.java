package org.argusee.darp.control.combine;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * How a master combines the servers' reports on one object ({@code darp_gravity}), as the original's
 * {@code aggr_status}:
 * <pre>
 * gravity  down when                                          severity   shows override when
 * down     any report down or override, or none up            worst      some override and none down
 * up       none up and at least one down or override          mildest    some override
 * vote     up reports &lt;= down + override reports             mildest    override &gt;= down
 * ietf     as vote, over the servers connected now only       mildest    as vote
 * self     the master's own report alone                      its own
 * </pre>
 * Every server meant to test the object has a report; one that never reported is {@link DarpState#UNKNOWN},
 * which makes "none up" true for down but counts for no side in vote. Except with ietf, a disconnected server's
 * last report still counts. Worst and mildest are over the reports' severities other than clear; when there is
 * none, a down result takes the object's own {@code severity}.
 */
public enum DarpGravity {
    DOWN,
    UP,
    VOTE,
    IETF,
    SELF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unset or blank is the default, {@code down}; a value that is not a gravity is empty. */
    public static Optional<DarpGravity> fromParam(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DOWN);
        }
        for (DarpGravity g : values()) {
            if (g.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * @param connected tags of the servers connected now, the master's own included (used by ietf only)
     * @param severity  the object's {@code severity} parameter, for a down result no report gives one for
     */
    public static DarpOutcome combine(
            List<DarpReport> reports, DarpGravity gravity, Set<String> connected, Severity severity) {
        Objects.requireNonNull(gravity, "gravity");
        Objects.requireNonNull(connected, "connected");
        Objects.requireNonNull(severity, "severity");
        if (gravity == SELF) {
            return self(reports, severity);
        }
        Collection<DarpReport> counted = gravity == IETF
                ? reports.stream().filter(r -> connected.contains(r.tag())).toList()
                : reports;
        ReportCounts c = ReportCounts.of(counted);
        return switch (gravity) {
            case DOWN -> {
                boolean down = c.down() > 0 || c.override() > 0 || c.up() == 0;
                yield outcome(down, c.worst(), down && c.override() > 0 && c.down() == 0, severity);
            }
            case UP -> {
                boolean up = c.up() > 0 || (c.down() == 0 && c.override() == 0);
                yield outcome(!up, c.mildest(), !up && c.override() > 0, severity);
            }
            default -> {
                boolean up = c.up() > c.down() + c.override();
                yield outcome(!up, c.mildest(), !up && c.override() > 0 && c.override() >= c.down(), severity);
            }
        };
    }

    public static DarpOutcome combine(List<DarpReport> reports, DarpGravity gravity, Set<String> connected) {
        return combine(reports, gravity, connected, Severity.CRITICAL);
    }

    /**
     * The master's own report. A master that does not test the object itself (distributed mode) has none; the
     * object then stays up, as the original, which keeps the initial status then.
     */
    private static DarpOutcome self(List<DarpReport> reports, Severity severity) {
        DarpReport own = reports.stream().filter(DarpReport::self).findFirst().orElse(null);
        if (own == null || own.state() == DarpState.UP || own.state() == DarpState.UNKNOWN) {
            return new DarpOutcome(Status.UP, Severity.CLEAR, false);
        }
        Severity s = own.severity() == null || own.severity() == Severity.CLEAR ? severity : own.severity();
        return new DarpOutcome(Status.DOWN, s, own.state() == DarpState.OVERRIDE);
    }

    private static DarpOutcome outcome(boolean down, Severity fromReports, boolean override, Severity fallback) {
        if (!down) {
            return new DarpOutcome(Status.UP, Severity.CLEAR, false);
        }
        return new DarpOutcome(Status.DOWN, fromReports == null ? fallback : fromReports, override);
    }
}
