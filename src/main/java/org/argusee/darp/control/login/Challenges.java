package org.argusee.darp.control.login;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login challenges waiting for their answer. Each is usable once (taken out whatever the outcome) and only for a
 * short time, so a captured login cannot be played again. Outstanding challenges are capped per address and in
 * all, so asking for challenges without answering them cannot fill the memory.
 */
public final class Challenges {

    /** One challenge as the master remembers it until the slave answers. */
    public record Challenge(
            String tag,
            String clientNonce,
            String nonce,
            String salt,
            int iterations,
            String address,
            Instant expires) {}

    private final Duration lifetime;
    private final int maxPerAddress;
    private final int maxTotal;
    /** In order of issue, so the expired ones are found at the head. */
    private final LinkedHashMap<String, Challenge> byNonce = new LinkedHashMap<>();

    private final Map<String, Integer> perAddress = new HashMap<>();

    public Challenges(Duration lifetime, int maxPerAddress, int maxTotal) {
        this.lifetime = lifetime;
        this.maxPerAddress = maxPerAddress;
        this.maxTotal = maxTotal;
    }

    /** Empty when the caps are reached: too many challenges outstanding for this address, or in all. */
    public synchronized Optional<Challenge> issue(
            String tag, String clientNonce, String nonce, String salt, int iterations, String address, Instant now) {
        sweep(now);
        if (byNonce.size() >= maxTotal || perAddress.getOrDefault(address, 0) >= maxPerAddress) {
            return Optional.empty();
        }
        Challenge c = new Challenge(tag, clientNonce, nonce, salt, iterations, address, now.plus(lifetime));
        byNonce.put(nonce, c);
        perAddress.merge(address, 1, Integer::sum);
        return Optional.of(c);
    }

    /** Removes the challenge; present only if it existed and has not expired. */
    public synchronized Optional<Challenge> take(String nonce, Instant now) {
        Challenge c = byNonce.remove(nonce);
        if (c == null) {
            return Optional.empty();
        }
        forget(c);
        return c.expires().isAfter(now) ? Optional.of(c) : Optional.empty();
    }

    public synchronized int outstanding() {
        return byNonce.size();
    }

    private void sweep(Instant now) {
        Iterator<Challenge> it = byNonce.values().iterator();
        while (it.hasNext()) {
            Challenge c = it.next();
            if (c.expires().isAfter(now)) {
                return;
            }
            it.remove();
            forget(c);
        }
    }

    private void forget(Challenge c) {
        perAddress.computeIfPresent(c.address(), (a, n) -> n <= 1 ? null : n - 1);
    }
}
