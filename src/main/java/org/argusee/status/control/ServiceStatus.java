package org.argusee.status.control;

import java.time.Instant;
import java.util.Objects;

/**
 * The status of one object as the status machine keeps it. {@code failures}: the probe's failures in a row (the
 * original's {@code tries}), counted also while down; {@code since}: when the status last changed;
 * {@code reason}: why it is down (or the last failure's reason while retrying), null when up.
 */
public record ServiceStatus(Status status, int failures, Severity severity, Instant since, String reason) {

    public ServiceStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(since, "since");
        if (failures < 0) {
            throw new IllegalArgumentException("failures < 0");
        }
        if (status == Status.UP && severity != Severity.CLEAR) {
            throw new IllegalArgumentException("an up object has severity clear, not " + severity.label());
        }
    }

    /** An object not checked yet counts as up, as in the original: it goes down only after its retries. */
    public static ServiceStatus initial(Instant now) {
        return new ServiceStatus(Status.UP, 0, Severity.CLEAR, now, null);
    }

    public boolean isDown() {
        return status == Status.DOWN;
    }
}
