package org.argusee.status.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's override of an object: while it holds, a down object shows {@code override}, severity clear, and
 * sends no notifications. {@code expires} null means never; {@code quiet} only keeps the override's own
 * messages out of the log, as in the original. Not named Override, which would hide {@code java.lang.Override}
 * in this package.
 */
public record UserOverride(String user, String text, Instant created, Instant expires, OverrideMode mode,
                           String ticket, boolean quiet) {

    public UserOverride {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an override needs a user"); // the original refuses it too
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(mode, "mode");
    }

    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }

    public boolean activeAt(Instant now) {
        return !expiredAt(now);
    }

    /**
     * Why the override ends now, if it does: "expired", or for an auto override, the object being up. As in the
     * original this holds whenever the object is up, so an auto override set on an object that is up already is
     * gone at its next evaluation.
     */
    public Optional<String> endsAt(Status status, Instant now) {
        if (expiredAt(now)) {
            return Optional.of("expired");
        }
        if (mode == OverrideMode.AUTO && status == Status.UP) {
            return Optional.of("object is up");
        }
        return Optional.empty();
    }

    /** The override that is left after a status or clock change: this one, or none. */
    public static Optional<UserOverride> remaining(UserOverride override, Status status, Instant now) {
        return override == null || override.endsAt(status, now).isPresent() ? Optional.empty()
                : Optional.of(override);
    }
}
