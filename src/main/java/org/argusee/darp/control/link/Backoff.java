package org.argusee.darp.control.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between reconnection attempts: doubling from {@code min} to {@code max}, each +-20 % at random so that
 * many slaves cut off together do not all come back in the same second.
 */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;
    private Duration next;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.random = random;
        this.next = min;
    }

    public Duration next() {
        Duration base = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        double factor = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }

    public void reset() {
        next = min;
    }
}
