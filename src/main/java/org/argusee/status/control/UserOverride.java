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
public record UserOverride(
        String user, String text, Instant created, Instant expires, OverrideMode mode, String ticket, boolean quiet) {

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
     * Why the override ends with this evaluation, if it does: "expired", or for an auto override, the object
     * coming back up (its own status changing from down to up). The original ended an auto override whenever
     * the object was up, so one set ahead of planned work on an object still up was gone at its next check;
     * here it waits for the object to have been down and come back, which is what ahead-of-time overrides need.
     */
    public Optional<String> endsAt(Status before, Status after, Instant now) {
        if (expiredAt(now)) {
            return Optional.of("expired");
        }
        if (mode == OverrideMode.AUTO && before == Status.DOWN && after == Status.UP) {
            return Optional.of("object is up");
        }
        return Optional.empty();
    }
}
