package org.argusee.status.boundary;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.status.control.OverrideMode;
import org.argusee.status.control.UserOverride;
import org.argusee.tree.control.TimeValue;

/**
 * The body of PUT /status/{fullName}/override. {@code text} says why (required); {@code mode} auto (default:
 * removed when the object comes back up) or manual; at most one of {@code expires} (an ISO-8601 instant) and
 * {@code expiresIn} (an Argus time like {@code 2h} or {@code 1h30m}); {@code ticket} a reference in some
 * ticket system; {@code quiet} keeps the override itself out of the log.
 */
public record OverrideInput(String text, String mode, String expires, String expiresIn, String ticket, Boolean quiet) {

    static final int MAX_TEXT = 2000;
    static final int MAX_TICKET = 200;

    /** The override this asks for, by {@code user} at {@code now}; every field at fault is named. */
    UserOverride toOverride(String user, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "text is required: say why the object is overridden"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "text is longer than " + MAX_TEXT + " characters"));
        }
        OverrideMode m = OverrideMode.AUTO;
        if (mode != null) {
            try {
                m = OverrideMode.fromLabel(mode);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("mode", "mode must be auto or manual, not '" + mode + "'"));
            }
        }
        Instant until = expiry(now, errors);
        if (ticket != null && ticket.length() > MAX_TICKET) {
            errors.add(new FieldError("ticket", "ticket is longer than " + MAX_TICKET + " characters"));
        }
        ArgusException.Invalid.ifAny("override refused", errors);
        return new UserOverride(
                user,
                text.strip(),
                now,
                until,
                m,
                ticket == null || ticket.isBlank() ? null : ticket.strip(),
                quiet != null && quiet);
    }

    private Instant expiry(Instant now, List<FieldError> errors) {
        if (expires != null && expiresIn != null) {
            errors.add(new FieldError("expiresIn", "give expires or expiresIn, not both"));
            return null;
        }
        Instant until = null;
        String field = expires != null ? "expires" : "expiresIn";
        try {
            if (expires != null) {
                until = Instant.parse(expires.strip());
            } else if (expiresIn != null) {
                until = now.plusSeconds(TimeValue.parseSeconds(expiresIn));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    field, "expires must be an ISO-8601 instant like 2026-12-01T18:00:00Z, not '" + expires + "'"));
            return null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.add(new FieldError(field, "expiresIn must be a time like 30m or 2h: " + e.getMessage()));
            return null;
        }
        if (until != null && !until.isAfter(now)) {
            errors.add(new FieldError(field, field + " must be in the future"));
            return null;
        }
        return until;
    }
}
