package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's last probe, kept in memory and served from there: its time and result change at every probe, and
 * a database write per probe is what the batching avoids. They are stored once a minute ({@link Mark}).
 *
 * @param failures the probe's failures in a row (retries under way while still up)
 * @param reason   the last failure's reason while failing, null when the last probe passed
 * @param storedAt the check time last written to the database, null if none yet
 */
public record LastCheck(Instant at, String result, Duration elapsed, int failures, String reason, Instant storedAt) {

    /** A check time and result to write. */
    public record Mark(long objectId, Instant at, String result) {}

    LastCheck stored(Instant time) {
        return new LastCheck(
                at, result, elapsed, failures, reason, storedAt == null || time.isAfter(storedAt) ? time : storedAt);
    }
}
