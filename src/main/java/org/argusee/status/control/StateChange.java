package org.argusee.status.control;

import java.time.Instant;
import java.util.Objects;

/**
 * One object's state before and after an evaluation. {@code before} is null when the object was unknown until
 * now (never checked, or a group whose children were all unknown).
 */
public record StateChange(long objectId, ObjectState before, ObjectState after, Instant at) {

    public StateChange {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether the transition log gets an entry: what the object shows, or the severity it shows, changed. An
     * object first known as up is no news; one first known as anything else is.
     */
    public boolean logged() {
        if (before == null) {
            return after.display().state() != DisplayState.UP;
        }
        return before.display().state() != after.display().state()
                || before.display().severity() != after.display().severity();
    }

    /** The object's own status changed (up to down or back), which is what availability counts. */
    public boolean statusChanged() {
        return before != null && before.status() != after.status();
    }

    /** The object's own status went down, counting a first status of down. */
    public boolean wentDown() {
        return after.status() == Status.DOWN && (before == null || before.status() == Status.UP);
    }

    /**
     * Whether listeners hear of it: anything but a changed reason while the rest stays (a down service whose
     * failures change wording would otherwise announce itself at every probe).
     */
    public boolean announced() {
        return before == null || before.status() != after.status() || before.severity() != after.severity()
                || !before.display().equals(after.display()) || before.overridden() != after.overridden();
    }
}
