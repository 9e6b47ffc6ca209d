package org.argusee.notify.control;

import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * Which change of what an object shows is told: going down (or down at another severity), and coming back up
 * after it was shown down. Nothing while the object or an ancestor is overridden, nothing for {@code depends}
 * (the dependency is told instead), nothing for a recovery from override or depends, of which nobody was told.
 *
 * @param status   what the message is about: down or up
 * @param severity the severity shown (clear when up)
 */
public record Telling(Status status, Severity severity) {

    /** @return null when the change is not told */
    public static Telling of(DisplayStatus previous, DisplayStatus shown, boolean inOverride) {
        if (inOverride || shown == null) {
            return null;
        }
        boolean wasDown = previous != null && previous.state() == DisplayState.DOWN;
        if (shown.state() == DisplayState.DOWN) {
            if (!wasDown || previous.severity() != shown.severity()) {
                return new Telling(Status.DOWN, shown.severity());
            }
            return null;
        }
        if (shown.state() == DisplayState.UP && wasDown) {
            return new Telling(Status.UP, Severity.CLEAR);
        }
        return null;
    }

    public boolean down() {
        return status == Status.DOWN;
    }
}
