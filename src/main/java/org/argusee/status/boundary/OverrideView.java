package org.argusee.status.boundary;

import java.time.Instant;
import org.argusee.status.control.UserOverride;

/** An override as the API shows it. */
public record OverrideView(
        String user, String text, Instant created, Instant expires, String mode, String ticket, boolean quiet) {

    static OverrideView of(UserOverride o) {
        return o == null
                ? null
                : new OverrideView(
                        o.user(), o.text(), o.created(), o.expires(), o.mode().label(), o.ticket(), o.quiet());
    }
}
