package org.argusee.status.control;

import java.util.Locale;

/** How bad a down state is, in the original's order (the database stores the lower-case names). */
public enum Severity {
    CLEAR,
    WARNING,
    MINOR,
    MAJOR,
    CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }

    public boolean worseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
