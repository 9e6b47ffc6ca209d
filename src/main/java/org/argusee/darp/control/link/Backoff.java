package org.argusee.darp.control.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between reconnection attempts: doubling from {@code min} to {@code max}, each +-20 % at random so that
 * many slaves cut off together do not all come back in the same second. Two answers of the master set a floor
 * ({@link #after}): a 429 is waited out for its Retry-After (an attempt before then is refused again and keeps the
 * address blocked), and after a refused login (401) the slave waits at least {@code refused}, by default
 * {@link #REFUSED} (+-20 %, {@code argus.darp.master.refused-wait}), so that its
 * own retries stay under the master's default rate limit (5 failed logins a minute per address) and do not lock
 * the address out for a minute once whatever refused it (an address list, a secret) is put right.
 */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;
    private final Duration refused;
    private Duration next;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        this(min, max, REFUSED, random);
    }

    public Backoff(Duration min, Duration max, Duration refused, RandomGenerator random) {
        this.refused = refused;
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

    /** After a login refused with 401, or a stream taken by a server with the same tag: at most 4 attempts a minute. */
    public static final Duration REFUSED = Duration.ofSeconds(20);

    /** The wait after an attempt that failed with {@code cause}: the backoff, or the floor that cause sets. */
    public Duration after(Throwable cause) {
        Duration wait = next();
        Throwable c = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                ? cause.getCause()
                : cause;
        Duration floor = Duration.ZERO;
        if (c instanceof LinkFailure.Throttled t) {
            // never before the master lets the address in again; up to 20 % later, so slaves behind one address spread
            floor = t.retryAfter().plusMillis(Math.round(t.retryAfter().toMillis() * 0.2 * random.nextDouble()));
        } else if (c instanceof LinkFailure.Unauthorized || c instanceof LinkFailure.Replaced) {
            floor = Duration.ofMillis(Math.round(refused.toMillis() * (0.8 + 0.4 * random.nextDouble())));
        }
        return wait.compareTo(floor) >= 0 ? wait : floor;
    }

    public void reset() {
        next = min;
    }
}
