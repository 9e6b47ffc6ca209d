package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.argusee.status.control.Resolution;
import org.argusee.status.control.Sample;
import org.argusee.status.control.SampleBuckets;
import org.argusee.status.control.SampleRow;
import org.argusee.status.control.evaluation.ReplyRules;

/**
 * The samples side of the {@link StatusBoard}: the open buckets of the services that are graphed, and the closed
 * buckets waiting for {@link StatusWriter}'s next round, which closing one wakes. Not thread-safe: the board calls it under its lock.
 */
final class SampleFeed {

    private final SampleBuckets buckets = new SampleBuckets();
    private List<SampleRow> closed = new ArrayList<>();
    private Instant closedAt = Instant.EPOCH;
    private final WriterWakeup wakeup;

    SampleFeed(WriterWakeup wakeup) {
        this.wakeup = wakeup;
    }

    /** One probe's result, counted when the service is graphed ({@code graph} is set: {@link ReplyRules#graphed}). */
    void probed(long objectId, boolean graphed, Instant now, boolean ok, Double value, Duration elapsed) {
        if (graphed) {
            List<SampleRow> over = buckets.add(objectId, now, ok, value, elapsed);
            if (!over.isEmpty()) {
                closed.addAll(over);
                wakeup.arrived();
            }
        }
    }

    /** Buckets that are over close; looked at once a minute. */
    void tick(Instant now) {
        Instant minute = Resolution.MINUTE.start(now);
        if (minute.isAfter(closedAt)) {
            closedAt = minute;
            closed.addAll(buckets.closeBefore(now)); // in the writer's round: drained next
        }
    }

    /** At shutdown: every bucket still open, so a restart adds to them rather than losing them. */
    void closeAll() {
        closed.addAll(buckets.closeAll());
    }

    /** The buckets closed since the last call. */
    List<SampleRow> drain() {
        List<SampleRow> rows = closed;
        closed = new ArrayList<>();
        return rows;
    }

    Optional<Sample> current(long objectId, Resolution resolution, Instant now) {
        return buckets.current(objectId, resolution, now);
    }
}
