package org.argusee.darp.control.combine;

import java.time.Instant;
import java.util.Objects;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * A server's last report on one object as a master keeps it: what {@link ReportCombiner} counts, plus the
 * reason and time for the reason text and the DARP view.
 *
 * @param override the server shows it as override (a down status under an override set there)
 * @param at       when the server saw it (the report's own time); null for this server's own result
 */
public record LastReport(String tag, Status status, Severity severity, String reason, boolean override, Instant at) {

    public LastReport {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
    }

    public DarpState state() {
        if (status == Status.UP) {
            return DarpState.UP;
        }
        return override ? DarpState.OVERRIDE : DarpState.DOWN;
    }

    public DarpReport toDarpReport(boolean self) {
        return new DarpReport(tag, state(), severity, self);
    }
}
