package org.argusee.darp.control.combine;

import java.util.Locale;

/** What one DARP server reports for an object; {@code UNKNOWN} for a server that has never reported it. */
public enum DarpState {
    UP,
    DOWN,
    OVERRIDE,
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
