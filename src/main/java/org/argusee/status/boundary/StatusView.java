package org.argusee.status.boundary;

import java.time.Instant;
import org.argusee.status.control.ObjectState;

/**
 * An object's status as the tree API shows it beside the object. "unknown" until it is known: a service before its
 * first answer that settles it (Icinga's PENDING; the original showed such a service as up), a group whose
 * counted children are all unknown. {@code severity} is the one shown (clear under an override), {@code since}
 * when the own status last changed.
 */
public record StatusView(
        String status,
        String displayStatus,
        String severity,
        String reason,
        String result,
        Instant since,
        Instant checkedAt) {

    public static final String UNKNOWN_LABEL = "unknown";
    public static final StatusView UNKNOWN = new StatusView(UNKNOWN_LABEL, UNKNOWN_LABEL, null, null, null, null, null);

    static StatusView of(ObjectState s, LastCheck check) {
        if (s == null) {
            return check == null
                    ? UNKNOWN
                    : new StatusView(
                            UNKNOWN_LABEL, UNKNOWN_LABEL, null, check.reason(), check.result(), null, check.at());
        }
        return new StatusView(
                s.status().label(),
                s.display().state().label(),
                s.display().severity().label(),
                s.reason(),
                check == null ? null : check.result(),
                s.since(),
                check == null ? null : check.at());
    }
}
