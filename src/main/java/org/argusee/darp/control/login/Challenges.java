package org.argusee.darp.control.login;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Login challenges waiting for their answer. Each is usable once (taken out whatever the outcome) and only for a
 * short time, so a captured login cannot be played again.
 *
 * <p>Outstanding challenges are capped per network ({@link NetworkPrefix}: /24, /64), per tag and in all, and a
 * cap reached evicts the oldest challenge of the busiest group instead of refusing the new one (issue 15, finding
 * 6): outsiders asking for challenges without answering them cannot fill the table so that a real slave is
 * refused; at worst they make each other's challenges expire early. A slave asking from its own network keeps its
 * challenge while a flood comes from elsewhere, for the per-network cap evicts within the asker's own network, and
 * the per-tag and total caps evict from the network holding the most.
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

    private record Entry(Challenge challenge, String network) {}

    private final Duration lifetime;
    private final int maxPerNetwork;
    private final int maxPerTag;
    private final int maxTotal;
    /** In order of issue, so the oldest (and the expired ones) are found at the head. */
    private final LinkedHashMap<String, Entry> byNonce = new LinkedHashMap<>();

    private final Map<String, Integer> perNetwork = new HashMap<>();
    /** Per tag, how many each network holds. */
    private final Map<String, Map<String, Integer>> perTag = new HashMap<>();

    public Challenges(Duration lifetime, int maxPerNetwork, int maxPerTag, int maxTotal) {
        this.lifetime = lifetime;
        this.maxPerNetwork = maxPerNetwork;
        this.maxPerTag = maxPerTag;
        this.maxTotal = maxTotal;
    }

    /** A new challenge; when a cap is reached, an older one is evicted to make room. */
    public synchronized Challenge issue(
            String tag, String clientNonce, String nonce, String salt, int iterations, String address, Instant now) {
        sweep(now);
        String network = NetworkPrefix.of(address);
        if (perNetwork.getOrDefault(network, 0) >= maxPerNetwork) {
            evictOldest(e -> e.network().equals(network));
        }
        Map<String, Integer> tagNetworks = perTag.getOrDefault(tag, Map.of());
        if (sum(tagNetworks) >= maxPerTag) {
            String busiest = busiest(tagNetworks);
            evictOldest(e -> e.challenge().tag().equals(tag) && e.network().equals(busiest));
        }
        if (byNonce.size() >= maxTotal) {
            String busiest = busiest(perNetwork);
            evictOldest(e -> e.network().equals(busiest));
        }
        Challenge c = new Challenge(tag, clientNonce, nonce, salt, iterations, address, now.plus(lifetime));
        byNonce.put(nonce, new Entry(c, network));
        perNetwork.merge(network, 1, Integer::sum);
        perTag.computeIfAbsent(tag, t -> new HashMap<>()).merge(network, 1, Integer::sum);
        return c;
    }

    /** Removes the challenge; present only if it existed and has not expired. */
    public synchronized Optional<Challenge> take(String nonce, Instant now) {
        Entry e = byNonce.remove(nonce);
        if (e == null) {
            return Optional.empty();
        }
        forget(e);
        return e.challenge().expires().isAfter(now) ? Optional.of(e.challenge()) : Optional.empty();
    }

    public synchronized int outstanding() {
        return byNonce.size();
    }

    private void evictOldest(Predicate<Entry> which) {
        Iterator<Entry> it = byNonce.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (which.test(e)) {
                it.remove();
                forget(e);
                return;
            }
        }
    }

    private void sweep(Instant now) {
        Iterator<Entry> it = byNonce.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.challenge().expires().isAfter(now)) {
                return;
            }
            it.remove();
            forget(e);
        }
    }

    private void forget(Entry e) {
        perNetwork.computeIfPresent(e.network(), (a, n) -> n <= 1 ? null : n - 1);
        String tag = e.challenge().tag();
        Map<String, Integer> networks = perTag.get(tag);
        if (networks != null) {
            networks.computeIfPresent(e.network(), (a, n) -> n <= 1 ? null : n - 1);
            if (networks.isEmpty()) {
                perTag.remove(tag);
            }
        }
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String busiest(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
    }
}
