package org.argusee.darp.control.duty;

import java.util.Locale;
import java.util.Optional;

/**
 * Who tests an object ({@code darp_mode}, inherited): {@code none} (each server tests its own objects),
 * {@code failover} (the master tests; a slave only while it has lost every master), {@code distributed} (the
 * servers in {@code darp_tags} test, by default the slaves; the master gathers), {@code redundant} (everyone in
 * {@code darp_tags} tests, by default every server).
 */
public enum DarpMode {
    NONE(""),
    FAILOVER(TagList.ALL),
    DISTRIBUTED(TagList.SLAVES),
    REDUNDANT(TagList.ALL);

    private final String defaultTags;

    DarpMode(String defaultTags) {
        this.defaultTags = defaultTags;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code darp_tags} when the object and its ancestors set none, as the original's {@code tag_mode_dfl}. */
    public String defaultTags() {
        return defaultTags;
    }

    /** Unset or blank is the default, {@code none}; case and surrounding space are ignored, as the validator does. */
    public static Optional<DarpMode> fromParam(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(NONE);
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (DarpMode m : values()) {
            if (m.label().equals(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
