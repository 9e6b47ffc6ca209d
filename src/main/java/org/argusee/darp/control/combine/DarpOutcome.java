package org.argusee.darp.control.combine;

import java.util.Objects;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * The master's combined view of an object. {@code override}: the object is down only through servers that
 * report override, so it shows override rather than down.
 */
public record DarpOutcome(Status status, Severity severity, boolean override) {

    public DarpOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
    }

    public DisplayState display() {
        if (status == Status.UP) {
            return DisplayState.UP;
        }
        return override ? DisplayState.OVERRIDE : DisplayState.DOWN;
    }
}
