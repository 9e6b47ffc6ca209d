package org.argusee.status.control;

import java.util.List;

/** What one change to the status graph did: the objects whose state changed, and overrides that ended. */
public record Outcome(List<StateChange> changes, List<EndedOverride> ended) {

    public static final Outcome NONE = new Outcome(List.of(), List.of());

    public Outcome {
        changes = List.copyOf(changes);
        ended = List.copyOf(ended);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && ended.isEmpty();
    }
}
