package org.argusee.darp.control.combine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The master's memory of its slaves' last reports: per object, the last report of each server. Filled from the
 * stored reports at startup and kept up to date after each stored message, so combining never reads the
 * database. Safe for one writer per object and any number of readers.
 */
public final class ReportBook {

    private final Map<Long, Map<String, LastReport>> byObject = new ConcurrentHashMap<>();

    /** Keeps this report as the server's last one for the object (the newer stored one wins, as in the table). */
    public void put(long objectId, LastReport report) {
        byObject.computeIfAbsent(objectId, id -> new ConcurrentHashMap<>()).put(report.tag(), report);
    }

    /** Every server's last report on the object, by tag in tag order; empty if none. */
    public SortedMap<String, LastReport> of(long objectId) {
        Map<String, LastReport> m = byObject.get(objectId);
        return m == null ? new TreeMap<>() : new TreeMap<>(m);
    }

    /** The objects with at least one report. */
    public Set<Long> objects() {
        return Set.copyOf(byObject.keySet());
    }

    /** Forgets the objects that are gone. */
    public void retain(LongPredicate exists) {
        byObject.keySet().removeIf(id -> !exists.test(id));
    }

    public void clear() {
        byObject.clear();
    }

    public void putAll(Map<Long, ? extends Collection<LastReport>> reports) {
        reports.forEach((id, list) -> list.forEach(r -> put(id, r)));
    }
}
