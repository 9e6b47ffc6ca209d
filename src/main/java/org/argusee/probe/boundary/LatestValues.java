package org.argusee.probe.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.argusee.probe.control.Reply;

/**
 * The latest value each service's monitor gave, by full name (its raw reply: {@code Compute} reads the result as
 * judged from the status board instead since session 17, {@link Monitors}), and the count of replies for
 * {@code Self/tested}. A service whose last probe failed has no value. Fed where the scheduler receives replies, read
 * from any thread.
 */
@ApplicationScoped
public class LatestValues {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final LongAdder replies = new LongAdder();

    /** This bean itself, not its client proxy (for the reply hand-off, {@link ReplyHandOff}). */
    Supplier<LatestValues> instance() {
        LatestValues self = this;
        return () -> self;
    }

    public void record(String fullName, Reply reply) {
        replies.increment();
        if (reply.ok() && reply.value() != null) {
            values.put(fullName, reply.value());
        } else {
            values.remove(fullName);
        }
    }

    /** The service is no longer probed: its value must not outlive it. */
    public void forget(String fullName) {
        values.remove(fullName);
    }

    public Optional<String> valueOf(String fullName) {
        return Optional.ofNullable(values.get(fullName));
    }

    /** Replies received since the server started, the original's "tested" figure. */
    public long tested() {
        return replies.sum();
    }
}
