package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.status.control.ServiceStatus;

/**
 * The {@link StatusBoard}'s last check of every service ({@link LastCheck}): set at each probe, read by the API
 * and by the rows the writer stores, and written to the database once a minute for the services checked since
 * ({@link #toStore}). Readers and the writer read it without the board's lock.
 *
 * <p>Each service's check is in a {@link Cell} of its own, made once and never replaced: the board's entry of the
 * service ({@link Tracked}) keeps it, so a probe sets its check without a look-up and a put in a map of every
 * service, both cold at 20,000 services (issue 17, session 14).
 */
final class CheckTimes {

    /** One service's last check; null until it has one. */
    static final class Cell extends AtomicReference<LastCheck> {
        private static final long serialVersionUID = 1L;
    }

    private final ConcurrentLongMap<Cell> checks = new ConcurrentLongMap<>();

    /** The service's cell, made now if it has none. */
    Cell cell(long objectId) {
        Cell c = checks.get(objectId);
        if (c == null) {
            Cell made = new Cell();
            c = checks.putIfAbsent(objectId, made);
            if (c == null) {
                c = made;
            }
        }
        return c;
    }

    /** A probe's check of the service, in its cell (under the board's lock: one writer a service at a time). */
    static void checked(Cell cell, Instant at, String result, Duration elapsed, ServiceStatus status) {
        LastCheck previous = cell.get();
        cell.set(new LastCheck(
                at,
                result,
                elapsed,
                status.failures(),
                status.reason(),
                previous == null ? null : previous.storedAt()));
    }

    /** The service's last check, null if none. */
    LastCheck get(long objectId) {
        Cell c = checks.get(objectId);
        return c == null ? null : c.get();
    }

    Optional<LastCheck> last(long objectId) {
        return Optional.ofNullable(get(objectId));
    }

    /** What was stored before a restart, where this server has not checked the service since. */
    void restore(Map<Long, LastCheck> saved) {
        saved.forEach((id, check) -> cell(id).compareAndSet(null, check));
    }

    /** What the active server of a master pair stored, over this one's own (issue 16). */
    void replace(Map<Long, LastCheck> saved) {
        saved.forEach((id, check) -> cell(id).set(check));
    }

    /** Services checked since their check time was last stored, marked as stored now. */
    List<LastCheck.Mark> toStore() {
        List<LastCheck.Mark> marks = new ArrayList<>();
        checks.forEach((id, cell) -> {
            LastCheck c = cell.get();
            if (c != null && (c.storedAt() == null || c.at().isAfter(c.storedAt()))) {
                marks.add(new LastCheck.Mark(id, c.at(), c.result()));
                cell.updateAndGet(now -> now.stored(c.at()));
            }
        });
        return marks;
    }
}
