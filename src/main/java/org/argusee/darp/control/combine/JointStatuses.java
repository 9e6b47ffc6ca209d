package org.argusee.darp.control.combine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * A {@link CombinedStatus} as the status a service shows: status and severity from its outcome, {@code since}
 * kept while the status is unchanged, and a reason that names the servers that see it failing, with their own
 * reasons, e.g. {@code down on slave1 (connection refused), slave2 (timeout)}. An outcome that is down only
 * through overrides shows as override, with no notification, as the issue asks ("overrides set on a slave are
 * shown on the master").
 */
public final class JointStatuses {

    private JointStatuses() {}

    /**
     * @param reports  each server's last report, by tag, for the reasons (this server's own result included)
     * @param previous the status shown before, null if none
     */
    public static JointStatus of(
            CombinedStatus combined, Map<String, LastReport> reports, ServiceStatus previous, Instant now) {
        Status status = combined.status();
        Instant since = previous != null && previous.status() == status ? previous.since() : now;
        if (status == Status.UP) {
            return new JointStatus(new ServiceStatus(Status.UP, 0, Severity.CLEAR, since, null), false);
        }
        Severity severity = combined.outcome().severity() == Severity.CLEAR
                ? Severity.CRITICAL
                : combined.outcome().severity();
        return new JointStatus(
                new ServiceStatus(Status.DOWN, 0, severity, since, reason(combined, reports)),
                combined.outcome().override());
    }

    /** The servers that see it down, then those that show it overridden, with their reasons; else why it is down. */
    static String reason(CombinedStatus combined, Map<String, LastReport> reports) {
        List<String> down = new ArrayList<>();
        List<String> override = new ArrayList<>();
        for (DarpReport r : combined.counted()) {
            if (r.state() == DarpState.DOWN) {
                down.add(named(r.tag(), reports.get(r.tag())));
            } else if (r.state() == DarpState.OVERRIDE) {
                override.add(named(r.tag(), reports.get(r.tag())));
            }
        }
        List<String> parts = new ArrayList<>(2);
        if (!down.isEmpty()) {
            parts.add("down on " + String.join(", ", down));
        }
        if (!override.isEmpty()) {
            parts.add("override on " + String.join(", ", override));
        }
        return parts.isEmpty() ? combined.explanation() : String.join("; ", parts);
    }

    private static String named(String tag, LastReport report) {
        String reason = report == null ? null : report.reason();
        return reason == null || reason.isBlank() ? tag : tag + " (" + reason.strip() + ")";
    }
}
