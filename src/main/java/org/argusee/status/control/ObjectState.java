package org.argusee.status.control;

import java.time.Instant;
import java.util.Objects;

/**
 * What the status component knows of one object that has been checked (a service) or worked out (a group, an
 * alias): its own status and severity, what it shows ({@link DisplayStatus}), why it is down, since when its own
 * status holds, and whether an override of its own is in force. An object with no state yet is unknown.
 */
public record ObjectState(
        Status status, Severity severity, DisplayStatus display, String reason, Instant since, boolean overridden) {

    public ObjectState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(since, "since");
    }

    /** Whether a parent, which looks only at status, shown state and severities, would see a difference. */
    public boolean looksLike(ObjectState other) {
        return other != null
                && status == other.status
                && severity == other.severity
                && display.state() == other.display.state()
                && display.severity() == other.display.severity();
    }

    /** The status a service's status machine goes on from when this is all that is known (stored, or its group's). */
    public ServiceStatus asService() {
        return new ServiceStatus(status, 0, status == Status.UP ? Severity.CLEAR : severity, since, reason);
    }
}
