package org.argusee.darp.control.combine;

import java.util.Objects;
import org.argusee.status.control.Severity;

/**
 * One DARP server's last report on an object, kept by the master. {@code self} marks the master's own result.
 * {@code severity} may be null: a remote server does not always send one.
 */
public record DarpReport(String tag, DarpState state, Severity severity, boolean self) {

    public DarpReport {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(state, "state");
    }

    public static DarpReport never(String tag) {
        return new DarpReport(tag, DarpState.UNKNOWN, null, false);
    }
}
