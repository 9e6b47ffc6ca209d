package org.argusee.status.control;

import java.util.Locale;

/** An object's own status, before override and depends are applied (see {@link DisplayState}). */
public enum Status {
    UP,
    DOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
