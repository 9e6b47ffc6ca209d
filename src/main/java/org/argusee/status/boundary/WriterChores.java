package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.StatusGraph;
import org.argusee.status.control.UserOverride;

/**
 * When {@link StatusWriter}'s timed work is due, and so when its next round is due if the board hands it nothing
 * ({@link WriterWakeup}): a write tried once a second while the database is away (not at every round: a failed try
 * costs a log line), the check times stored once a minute, old samples dropped once an hour, a standby's read of
 * what the active server stored every 5 s; and the board's own timed work, done in every round: the minute's sample
 * buckets close at its end, an override ends at its expiry. Not thread-safe: the writer calls it under its lock.
 */
final class WriterChores {

    static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    static final Duration RESYNC_EVERY = Duration.ofSeconds(5);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private Instant tried = Instant.EPOCH;
    private Instant touched = Instant.now();
    private Instant pruned = Instant.EPOCH;
    private Instant resynced = Instant.EPOCH;

    /** Whether to write now: always while writes succeed, once a {@link #RETRY_EVERY} while they fail. */
    boolean write(Instant now, boolean failing) {
        if (failing && now.isBefore(tried.plus(RETRY_EVERY))) {
            return false;
        }
        tried = now;
        return true;
    }

    /** Whether to store the check times now (then not again for a minute). */
    boolean touch(Instant now) {
        if (now.isBefore(touched.plus(TOUCH_EVERY))) {
            return false;
        }
        touched = now;
        return true;
    }

    /** Whether to drop old samples now (then not again for an hour). */
    boolean prune(Instant now) {
        if (now.isBefore(pruned.plus(PRUNE_EVERY))) {
            return false;
        }
        pruned = now;
        return true;
    }

    /** Whether a standby reads what the active server stored now (then not again for {@link #RESYNC_EVERY}). */
    boolean resync(Instant now) {
        if (now.isBefore(resynced.plus(RESYNC_EVERY))) {
            return false;
        }
        resynced = now;
        return true;
    }

    /** A standby read it just now, outside its rounds (the lease changed hands). */
    void resynced(Instant at) {
        resynced = at;
    }

    /**
     * When the next round is due if nothing arrives (epoch ms): the earliest of the chores that apply, the next
     * minute (sample buckets close), and the overrides' expiries.
     */
    long next(Instant now, boolean failing, boolean standby, StatusGraph graph) {
        Instant due = Resolution.MINUTE.start(now).plus(Duration.ofMinutes(1));
        due = earliest(due, touched.plus(TOUCH_EVERY));
        due = earliest(due, pruned.plus(PRUNE_EVERY));
        if (failing) {
            due = earliest(due, tried.plus(RETRY_EVERY));
        }
        if (standby) {
            due = earliest(due, resynced.plus(RESYNC_EVERY));
        }
        for (UserOverride o : graph.overrides().values()) { // few, in a concurrent map: readable without the lock
            if (o.expires() != null && o.expires().isAfter(now)) { // one past it ends in the round
                due = earliest(due, o.expires());
            }
        }
        return due.toEpochMilli();
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
