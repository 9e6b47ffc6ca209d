package org.argusee.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, checking often; never a fixed sleep. */
public final class Eventually {

    private Eventually() {}

    /** Returns how long the condition took to hold; fails with {@code what} if it did not within {@code within}. */
    public static Duration await(String what, Duration within, Supplier<Boolean> condition) {
        Instant start = Instant.now();
        Instant deadline = start.plus(within);
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return Duration.between(start, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /**
     * Waits until {@code problems} gives an empty collection (say, the objects whose status is not yet the expected
     * one); fails listing the problems it last gave, so a failure says every thing that was wrong, not the first.
     */
    public static Duration awaitNone(String what, Duration within, Supplier<? extends Collection<?>> problems) {
        Collection<?>[] last = new Collection<?>[1];
        try {
            return await(what, within, () -> {
                last[0] = problems.get();
                return last[0].isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still: " + last[0], e);
        }
    }

    /**
     * Checks that {@code condition} holds all through {@code during} (a negative: "nothing happens for 3 s"), checking
     * often; fails at the first moment it does not. The only place where a test waits for a fixed time, because
     * "never within this window" cannot be seen sooner.
     */
    public static void holds(String what, Duration during, Supplier<Boolean> condition) {
        Instant start = Instant.now();
        Instant end = start.plus(during);
        while (true) {
            if (!Boolean.TRUE.equals(condition.get())) {
                throw new AssertionError("stopped holding after "
                        + Duration.between(start, Instant.now()).toMillis() + " ms (of " + during.toMillis() + "): "
                        + what);
            }
            if (Instant.now().isAfter(end)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking: " + what, e);
            }
        }
    }
}
