package org.argusee.probe.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The count of replies for {@code Self/tested}, the original's "tested" figure. Until session 17 it also kept each
 * service's raw value for {@code Compute}; Compute now reads the judged result from the status board
 * ({@link Monitors}), so no value is kept here: a map write per reply was work on the probe path that nothing read.
 * Fed where the scheduler receives replies, read from any thread.
 */
@ApplicationScoped
public class LatestValues {

    private final LongAdder replies = new LongAdder();

    /** This bean itself, not its client proxy (for the reply hand-off, {@link ReplyHandOff}). */
    Supplier<LatestValues> instance() {
        LatestValues self = this;
        return () -> self;
    }

    /** One more reply came, whatever it says. */
    public void replied() {
        replies.increment();
    }

    /** Replies received since the server started, the original's "tested" figure. */
    public long tested() {
        return replies.sum();
    }
}
