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

    private final Every retry = new Every(RETRY_EVERY, Instant.EPOCH);
    private final Every touch = new Every(TOUCH_EVERY, Instant.now());
    private final Every prune = new Every(PRUNE_EVERY, Instant.EPOCH);
    private final Every resync = new Every(RESYNC_EVERY, Instant.EPOCH);

    /** Whether to write now: always while writes succeed, once a {@link #RETRY_EVERY} while they fail. */
    boolean write(Instant now, boolean failing) {
        if (failing) {
            return retry.take(now);
        }
        retry.last = now;
        return true;
    }

    /** Whether to store the check times now (then not again for a minute). */
    boolean touch(Instant now) {
        return touch.take(now);
    }

    /** Whether to drop old samples now (then not again for an hour). */
    boolean prune(Instant now) {
        return prune.take(now);
    }

    /** Whether a standby reads what the active server stored now (then not again for {@link #RESYNC_EVERY}). */
    boolean resync(Instant now) {
        return resync.take(now);
    }

    /** A standby read it just now, outside its rounds (the lease changed hands). */
    void resynced(Instant at) {
        resync.last = at;
    }

    /**
     * When the next round is due if nothing arrives (epoch ms): the earliest of the chores that apply, the next
     * minute (sample buckets close), and the overrides' expiries.
     */
    long next(Instant now, boolean failing, boolean standby, StatusGraph graph) {
        Instant due = Resolution.MINUTE.start(now).plus(Duration.ofMinutes(1));
        due = earliest(due, touch.next());
        due = earliest(due, prune.next());
        if (failing) {
            due = earliest(due, retry.next());
        }
        if (standby) {
            due = earliest(due, resync.next());
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

    /** Work done at most once an interval: due when the interval has passed since it was last done. */
    private static final class Every {
        private final Duration interval;
        private Instant last;

        Every(Duration interval, Instant last) {
            this.interval = interval;
            this.last = last;
        }

        Instant next() {
            return last.plus(interval);
        }

        /**
         * Whether it is due now; if so, it counts as done now. Also due when the wall clock was set back past the
         * last time it was done: a standby's 5 s read of the active server's statuses waited out a step of 10 minutes
         * back (docs/reliability.md, "clockstep").
         */
        boolean take(Instant now) {
            if (now.isBefore(next()) && !now.isBefore(last)) {
                return false;
            }
            last = now;
            return true;
        }
    }
}
