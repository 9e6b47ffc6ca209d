package org.argusee.status.boundary;

import java.time.Instant;
import org.argusee.status.entity.ObjectStatus;

/** An object's status as the API shows it; "unknown" until the object has been checked once. */
public record StatusView(String status, String displayStatus, String severity, String reason, String result,
                         Instant since, Instant checkedAt) {

    public static final StatusView UNKNOWN = new StatusView("unknown", "unknown", null, null, null, null, null);

    public static StatusView of(ObjectStatus s) {
        return s == null ? UNKNOWN : new StatusView(s.status(), s.displayStatus(), s.severity(), s.reason(),
                s.result(), s.changedAt(), s.checkedAt());
    }
}
