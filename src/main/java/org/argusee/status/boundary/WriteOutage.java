package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The status writer's account of a database outage: since when its writes fail, and what its full queue dropped
 * meanwhile, logged once when it starts and once when writes get through again. Not thread-safe: the writer calls
 * it under its own lock.
 */
final class WriteOutage {

    private static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());

    private Instant failingSince;
    private WriteQueue.Dropped dropped = WriteQueue.Dropped.NONE;

    boolean failing() {
        return failingSince != null;
    }

    long droppedTotal() {
        return dropped.total();
    }

    /** The full queue dropped these rows; the first drop of an outage is logged. */
    void dropped(WriteQueue.Dropped now, int max) {
        if (dropped.total() == 0) {
            LOG.warning("The status write queue is full (" + max + " rows, argus.status.queue-max):"
                    + " dropping the oldest samples first, then status changes; the count is logged when stored");
        }
        dropped = dropped.plus(now);
    }

    /** A write failed; returns whether this starts an outage (then logged with what is kept). */
    boolean failed(RuntimeException e, int waiting, int max) {
        if (failingSince != null) {
            return false;
        }
        failingSince = Instant.now();
        LOG.log(
                Level.WARNING,
                "Cannot store status changes; keeping " + waiting + " in memory (at most " + max
                        + ") and trying again every second",
                e);
        return true;
    }

    /** Writes get through again: the outage is over, logged with how long it was and what was dropped. */
    void resumed() {
        long away = Duration.between(failingSince, Instant.now()).toMillis();
        failingSince = null;
        if (dropped.total() > 0) {
            LOG.warning("Status changes are stored again after " + away + " ms; the full queue dropped "
                    + dropped.samples() + " samples, " + dropped.statuses() + " status changes and "
                    + dropped.ended() + " ended overrides");
        } else {
            LOG.info("Status changes are stored again after " + away + " ms; none was dropped");
        }
        dropped = WriteQueue.Dropped.NONE;
    }
}
