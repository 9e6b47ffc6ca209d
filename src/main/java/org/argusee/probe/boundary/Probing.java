package org.argusee.probe.boundary;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.platform.control.SteadyClock;
import org.argusee.probe.control.Reply;

/**
 * The {@link Scheduler}'s probes of its scheduled services: starts one on the service's monitor, hands its reply to
 * {@link ReplyHandOff}, and paces the retries the status board asks for (retrydelay), off the regular turns.
 */
final class Probing {

    private final ConcurrentLongMap<Scheduled> scheduled;
    private final ReplyHandOff replies;
    private final ManagedScheduledExecutorService executor;
    /** Where every reply goes, with its service: one for all probes, not a lambda each (issue 17, session 14). */
    private final BiConsumer<Scheduled, Reply> received = this::received;

    Probing(ConcurrentLongMap<Scheduled> scheduled, ReplyHandOff replies, ManagedScheduledExecutorService executor) {
        this.scheduled = scheduled;
        this.replies = replies;
        this.executor = executor;
    }

    /** Probes the service now (the caller has it from the schedule). */
    void probe(Scheduled s) {
        if (s.probe() == null) {
            Reply failed = Reply.failed("configuration: " + s.problem(), Duration.ZERO);
            pace(s.id(), s, replies.failed(s.id(), s, failed));
            return;
        }
        s.probe().start(s, received);
    }

    private void received(Scheduled s, Reply reply) {
        pace(s.id(), s, replies.received(s.id(), s, reply));
    }

    /**
     * retrydelay: while a failing service is retried, its next probe comes after retrydelay, and the regular ticks
     * stand aside; once it settles (down, or up again) they take over at its frequency.
     */
    private void pace(long id, Scheduled s, Optional<Duration> retryIn) {
        if (retryIn.isEmpty()) {
            s.retryDue(0);
            return;
        }
        long delay = retryIn.get().toMillis();
        s.retryDue(SteadyClock.SYSTEM.millis() + delay);
        if (!probeLater(id, s, delay)) {
            s.retryDue(0); // shutting down: the ticks carry on while there are any
        }
    }

    /**
     * Probes the service in {@code delayMillis} if by then it is still scheduled as now and tested here; false
     * when the executor takes no more work (shutting down).
     */
    boolean probeLater(long id, Scheduled s, long delayMillis) {
        try {
            executor.schedule(
                    () -> {
                        if (scheduled.get(id) == s && s.duty().testsNow()) {
                            probe(s);
                        }
                    },
                    delayMillis,
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
