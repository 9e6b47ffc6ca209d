package org.argusee.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.argusee.platform.control.DatabaseTrouble;

/**
 * Whether the database could be reached at the last attempt, as far as this server knows: told by whoever tries
 * (the status writer's rounds, {@link DatabaseWatch}'s ping every few seconds, a request that failed for want of it).
 * Read on every API answer ({@link DatabaseHeader}), so reading it costs a volatile read and nothing else. One log
 * line when the database goes and one when it returns, however many callers notice.
 */
@ApplicationScoped
public class DatabaseState {

    private static final Logger LOG = Logger.getLogger(DatabaseState.class.getName());

    /** Since when the database has been unreachable; null while it answers. */
    private final AtomicReference<Instant> awaySince = new AtomicReference<>();
    /** System.nanoTime() of the last call that reached the database; 0 before the first. */
    private volatile long lastReached;

    @Inject
    Event<DatabaseAvailability> changes;

    @Inject
    OutageLogging logging;

    /** A call reached the database. */
    public void reached() {
        lastReached = System.nanoTime();
        Instant since = awaySince.getAndSet(null);
        if (since != null) {
            changes.fire(new DatabaseAvailability(true));
            long dropped = logging.takeDropped();
            LOG.warning(() -> "The database answers again, after "
                    + Duration.between(since, Instant.now()).toMillis() + " ms away"
                    + (dropped == 0
                            ? ""
                            : "; " + dropped + " log line(s) of the container about its absence left out"));
        }
    }

    /** A call failed: noted only if the failure is the database's absence (not a bug or bad data). */
    public void failed(Throwable failure) {
        if (DatabaseTrouble.isUnreachable(failure)) {
            away();
        }
    }

    /** The database cannot be reached now. */
    public void away() {
        Instant now = Instant.now();
        if (awaySince.compareAndSet(null, now)) {
            changes.fire(new DatabaseAvailability(false));
            LOG.warning("The database cannot be reached: answering from memory, queueing status changes (the"
                    + " container's errors about its absence are left out of the log until it is back)");
        }
    }

    /** Whether a call reached the database within the last {@code nanos} ns (and none failed for want of it since). */
    public boolean reachedWithin(long nanos) {
        long last = lastReached;
        return last != 0 && System.nanoTime() - last < nanos && available();
    }

    public boolean available() {
        return awaySince.get() == null;
    }

    /** Since when it has been away; empty while it answers. */
    public Optional<Instant> unavailableSince() {
        return Optional.ofNullable(awaySince.get());
    }
}
