package org.argusee.status.control;

import java.util.Locale;

/** {@code AUTO}: the override goes away by itself when the object is up; {@code MANUAL}: only when removed. */
public enum OverrideMode {
    AUTO,
    MANUAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OverrideMode fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}
