package org.argusee.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per key (a caller's address, a user name) over a sliding window. Past the limit the key is refused,
 * even with the right secret, until its oldest failure leaves the window: guessing a secret costs a window per few
 * guesses. A success clears the key's count (the caller has just proved who it is). Used by the DARP login (per
 * slave address) and the users' logins (per address and per user name).
 */
public final class LoginThrottle {

    /** Keys remembered at most; beyond it the oldest-failing are dropped first (a flood of spoofed sources). */
    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long the key must wait, or empty if it may try now. */
    public synchronized Optional<Duration> blocked(String address, Instant now) {
        Deque<Instant> times = prune(address, now);
        if (times == null || times.size() < maxFailures) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(window));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    public synchronized void failed(String address, Instant now) {
        if (failures.size() >= MAX_KEYS && !failures.containsKey(address)) {
            failures.values()
                    .removeIf(d -> d.isEmpty() || !d.peekLast().plus(window).isAfter(now));
            if (failures.size() >= MAX_KEYS) {
                failures.remove(failures.keySet().iterator().next());
            }
        }
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(now);
        prune(address, now);
    }

    public synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private Deque<Instant> prune(String address, Instant now) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return null;
        }
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(address);
        }
        return times;
    }
}
