package org.argusee.status.control;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links from one object to many ({@code depends}' dependants, the aliases of a target), changed in batches: changes
 * go to working sets, and {@link #publish} replaces each changed list at once, so a reader never sees a list being
 * changed, and {@link #get} goes on answering as before the batch until then (what {@link LinksPatch} looks up
 * while it works). A change of 1,000 dependants of one object costs one copy of its list, not 1,000.
 */
final class Edges {

    private final Map<Long, List<Long>> published = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> working = new HashMap<>();

    List<Long> get(long from) {
        return published.getOrDefault(from, List.of());
    }

    Set<Long> keys() {
        return published.keySet();
    }

    void add(long from, long to) {
        open(from).add(to);
    }

    void remove(long from, long to) {
        open(from).remove(to);
    }

    void publish() {
        working.forEach((from, to) -> {
            if (to.isEmpty()) {
                published.remove(from);
            } else {
                published.put(from, List.copyOf(to));
            }
        });
        working.clear();
    }

    private Set<Long> open(long from) {
        return working.computeIfAbsent(from, k -> new LinkedHashSet<>(get(k)));
    }
}
