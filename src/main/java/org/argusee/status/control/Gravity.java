package org.argusee.status.control;

import java.util.Locale;
import java.util.Optional;

/** How a group combines its children ({@code gravity}, not inherited): see {@link GroupStatus}. */
public enum Gravity {
    DOWN,
    UP,
    VOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unset or blank is the default, {@code down}; a value that is not a gravity is empty. */
    public static Optional<Gravity> fromParam(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DOWN);
        }
        for (Gravity g : values()) {
            if (g.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
