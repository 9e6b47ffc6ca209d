package org.argusee.probe.control;

import java.time.Duration;
import java.util.Objects;
import org.argusee.status.control.evaluation.RawResult;

/**
 * What one probe saw. {@code ok} false means the test itself failed (no connection, timeout, an answer the
 * monitor's own protocol rules reject); {@code value} is the data obtained, which result checks (expect, pluck,
 * minvalue...) work on, null when there is none; {@code reason} says in a few words what happened, for people.
 * It is the {@link RawResult} that the status component judges.
 */
public record Reply(boolean ok, String value, String reason, Duration elapsed) implements RawResult {

    public Reply {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public static Reply ok(String value, Duration elapsed) {
        return new Reply(true, value, "OK", elapsed);
    }

    public static Reply failed(String reason, Duration elapsed) {
        return new Reply(false, null, reason, elapsed);
    }
}
