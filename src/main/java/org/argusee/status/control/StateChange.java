package org.argusee.status.control;

import java.time.Instant;
import java.util.Objects;

/**
 * One object's state before and after an evaluation. Null means unknown: {@code before} when the object was
 * never checked (or worked out) until now, {@code after} when a group's counted children are all unknown again
 * (an empty group, up, that was given new services not checked yet) or an alias lost its target.
 */
public record StateChange(long objectId, ObjectState before, ObjectState after, Instant at) {

    public StateChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change from unknown to unknown");
        }
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether the transition log gets an entry: what the object shows, or the severity it shows, changed. An
     * object first known as up is no news; one first known as anything else is.
     */
    public boolean logged() {
        if (after == null) {
            return false; // the log knows up, down, override and depends only
        }
        if (before == null) {
            return after.display().state() != DisplayState.UP;
        }
        return before.display().state() != after.display().state()
                || before.display().severity() != after.display().severity();
    }

    /** The object's own status changed (up to down or back), which is what availability counts. */
    public boolean statusChanged() {
        return before != null && after != null && before.status() != after.status();
    }

    /** The object's own status went down, counting a first status of down. */
    public boolean wentDown() {
        return after != null && after.status() == Status.DOWN && (before == null || before.status() == Status.UP);
    }

    /**
     * Whether listeners hear of it: anything but a changed reason while the rest stays (a down service whose
     * failures change wording would otherwise announce itself at every probe).
     */
    public boolean announced() {
        return before == null
                || after == null
                || before.status() != after.status()
                || before.severity() != after.severity()
                || !before.display().equals(after.display())
                || before.overridden() != after.overridden();
    }
}
