package org.argusee.darp.control.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * Master to slave, inside an {@link Message.Ack}: the last state of an object that the master notified, at the time
 * of its transition. A slave that takes the object over (failover, or notifications it sends itself) does not tell
 * that state again (docs/design/70-notify.md, "DARP: told once").
 */
public record ToldItem(String object, String status, String severity, Instant at) {

    public ToldItem {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
    }

    public ReportItem.Told told() {
        return new ReportItem.Told(status, severity, at);
    }

    /** What is wrong with the item's values, or null if nothing. */
    public String problem() {
        if (object.isEmpty() || object.length() > ReportItem.MAX_OBJECT) {
            return "object must be a full name of 1-" + ReportItem.MAX_OBJECT + " characters";
        }
        return told().problem();
    }
}
