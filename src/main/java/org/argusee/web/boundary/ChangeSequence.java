package org.argusee.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The number of the last round of changes pushed to the live sockets. Every change of one dispatch round gets the
 * round's number, and the number is a clock (microseconds since the epoch, above the last one), not a count: a
 * viewer sees every number's round only in part (what they may see of it), and a count would tell them how many
 * changes they were not sent (issue 12: no trace of what is hidden). Dashboard answers carry it (read before their
 * data), so a page applies to the rows of a snapshot only pushes numbered at or above it; a round's own number is
 * included because a row pushed in the round the snapshot names is at most as new as the snapshot, and any later
 * state of it comes in a later round. Here rather than in the live component so the dashboard need not depend on it.
 */
@ApplicationScoped
public class ChangeSequence {

    private final AtomicLong last = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();

    public long current() {
        return last.get();
    }

    /** The number of a new round of {@code size} changes. */
    public long nextRound(int size) {
        changes.addAndGet(size);
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return last.updateAndGet(l -> Math.max(l + 1, now));
    }

    /** Changes numbered since the start (for the metrics). */
    public long changes() {
        return changes.get();
    }
}
