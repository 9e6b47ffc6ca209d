package org.argusee.darp.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.argusee.platform.control.ArgusException;

/**
 * A DARP peer's version for edits by two admins at once: its {@code updatedAt}, to the microsecond, given out as
 * the ETag {@code "<updatedAt>"} and taken back in {@code If-Match} (quoted or not, weak or not: the page sends
 * the {@code updatedAt} of the list it loaded). A save whose version is not the stored one is refused.
 */
public final class PeerVersion {

    private PeerVersion() {}

    public static String etag(Instant updatedAt) {
        return "\"" + updatedAt + "\"";
    }

    /** The version an {@code If-Match} header names; empty without one (or {@code *}: any version). */
    public static Optional<Instant> parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw new ArgusException.Invalid(
                    "If-Match",
                    "If-Match must be the peer's ETag (its updatedAt, e.g. \"2026-12-06T10:15:30.123456Z\"), not '"
                            + ifMatch + "'");
        }
    }

    /** Refuses the change when the stored version is not the one the client saw. */
    public static void check(String tag, Instant stored, Optional<Instant> expected) {
        if (expected.isPresent() && !expected.get().equals(stored)) {
            throw new ArgusException.Stale(
                    "updatedAt",
                    "DARP peer '" + tag + "' was changed by someone else (at " + stored
                            + ") after you loaded it: nothing was saved; reload it and make your change again");
        }
    }
}
