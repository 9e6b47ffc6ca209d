package org.argusee.status.control;

import java.time.Instant;
import java.util.Objects;

/** A change of an object's status or of its severity while down, for the transition log and notifications. */
public record Transition(
        Status from, Severity fromSeverity, Status to, Severity toSeverity, String reason, Instant at) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromSeverity, "fromSeverity");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toSeverity, "toSeverity");
        Objects.requireNonNull(at, "at");
    }

    /** The original's log text: "down/major", "up". */
    public String label() {
        return to == Status.DOWN ? to.label() + "/" + toSeverity.label() : to.label();
    }
}
