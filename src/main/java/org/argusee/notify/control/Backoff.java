package org.argusee.notify.control;

import java.time.Duration;

/**
 * When a failed delivery is tried again: 10 s after the first failure, doubling up to 10 minutes, so a mail
 * server away for an hour is tried a dozen times, not thousands, and a short outage costs seconds.
 */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(10);

    private Backoff() {}

    /** @param attempts how many tries failed so far (1 after the first) */
    public static Duration after(int attempts, Duration first) {
        long seconds = first.toSeconds();
        for (int i = 1; i < attempts && seconds < MAX.toSeconds(); i++) {
            seconds *= 2;
        }
        return Duration.ofSeconds(Math.min(Math.max(seconds, 1), MAX.toSeconds()));
    }

    public static Duration after(int attempts) {
        return after(attempts, FIRST);
    }
}
