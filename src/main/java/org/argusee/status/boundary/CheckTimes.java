package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.status.control.ServiceStatus;

/**
 * The {@link StatusBoard}'s last check of every service ({@link LastCheck}): set at each probe, read by the API
 * and by the rows the writer stores, and written to the database once a minute for the services checked since
 * ({@link #toStore}). Readers and the writer read it without the board's lock.
 */
final class CheckTimes {

    private final ConcurrentLongMap<LastCheck> checks = new ConcurrentLongMap<>();

    /** A probe's check of the service (under the board's lock: one writer a service at a time). */
    void checked(long objectId, Instant at, String result, Duration elapsed, ServiceStatus status) {
        LastCheck previous = checks.get(objectId);
        checks.put(
                objectId,
                new LastCheck(
                        at,
                        result,
                        elapsed,
                        status.failures(),
                        status.reason(),
                        previous == null ? null : previous.storedAt()));
    }

    /** The service's last check, null if none. */
    LastCheck get(long objectId) {
        return checks.get(objectId);
    }

    Optional<LastCheck> last(long objectId) {
        return Optional.ofNullable(checks.get(objectId));
    }

    /** What was stored before a restart, where this server has not checked the service since. */
    void restore(Map<Long, LastCheck> saved) {
        saved.forEach(checks::putIfAbsent);
    }

    /** What the active server of a master pair stored, over this one's own (issue 16). */
    void replace(Map<Long, LastCheck> saved) {
        checks.putAll(saved);
    }

    /** Services checked since their check time was last stored, marked as stored now. */
    List<LastCheck.Mark> toStore() {
        return LastCheck.marksToStore(checks);
    }
}
