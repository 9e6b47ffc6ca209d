package org.argusee.status.control;

import java.util.Locale;

/** The status people see (the original's {@code ovstatus}): the own status, or what override or depends made of it. */
public enum DisplayState {
    UP,
    DOWN,
    OVERRIDE,
    DEPENDS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
