package org.argusee.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, checking often; never a fixed sleep. */
public final class Eventually {

    private Eventually() {
    }

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
}
