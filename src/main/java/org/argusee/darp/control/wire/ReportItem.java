package org.argusee.darp.control.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One status report of a slave about one object, named by full name (ids differ between servers). {@code seq} is
 * given when the item is first sent; 0 means not numbered yet. {@code told}, if not null, is the last state of the
 * object that the slave notified (so that a master back after a failover does not tell it again).
 */
public record ReportItem(
        long seq,
        String object,
        String status,
        String severity,
        String reason,
        Instant at,
        boolean override,
        Told told) {

    /** A state the slave told: down at a severity, or up (clear), at the time of its transition. */
    public record Told(String status, String severity, Instant at) {
        public Told {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(at, "at");
        }

        String problem() {
            if (!STATUSES.contains(status) || !SEVERITIES.contains(severity)) {
                return "told: status up or down and a severity, not '" + status + "/" + severity + "'";
            }
            return status.equals("up") && !severity.equals("clear") ? "told: an up state has severity clear" : null;
        }
    }

    public static final Set<String> STATUSES = Set.of("up", "down");
    public static final Set<String> SEVERITIES = Set.of("clear", "warning", "minor", "major", "critical");
    public static final int MAX_REASON = 1000;
    public static final int MAX_OBJECT = 4000;

    public ReportItem {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
    }

    /** An item that says nothing of what was told. */
    public ReportItem(
            long seq, String object, String status, String severity, String reason, Instant at, boolean override) {
        this(seq, object, status, severity, reason, at, override, null);
    }

    public ReportItem numbered(long newSeq) {
        return new ReportItem(newSeq, object, status, severity, reason, at, override, told);
    }

    /** The same report, saying that {@code newTold} was told (null: nothing). */
    public ReportItem withTold(Told newTold) {
        return new ReportItem(seq, object, status, severity, reason, at, override, newTold);
    }

    /** What is wrong with the item's values, or null if nothing. */
    public String problem() {
        if (object.isEmpty() || object.length() > MAX_OBJECT) {
            return "object must be a full name of 1-" + MAX_OBJECT + " characters";
        }
        if (!STATUSES.contains(status)) {
            return "status must be up or down, not '" + status + "'";
        }
        if (!SEVERITIES.contains(severity)) {
            return "severity must be clear, warning, minor, major or critical, not '" + severity + "'";
        }
        if (status.equals("up") && !severity.equals("clear")) {
            return "an up report has severity clear";
        }
        if (reason != null && reason.length() > MAX_REASON) {
            return "reason must be at most " + MAX_REASON + " characters";
        }
        return told == null ? null : told.problem();
    }
}
