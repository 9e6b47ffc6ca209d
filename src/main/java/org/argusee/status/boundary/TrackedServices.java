package org.argusee.status.boundary;

import java.time.Instant;
import java.util.Map;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.status.control.StatusGraph;
import org.argusee.status.control.evaluation.ReplyRules;

/**
 * The {@link StatusBoard}'s entry of each service ({@link Tracked}) by id, and the entries its probers keep
 * ({@link EntryPlace}). An entry leaves the map only here, and is then marked dropped ({@link Tracked#drop}): a
 * kept entry is used while it is not, so it is always the map's own; one dropped (the service forgotten, being
 * deleted or planned afresh, or the board resynced) is never used again, and the look-up by id decides, as it
 * did before entries were kept.
 */
final class TrackedServices {

    private final ConcurrentLongMap<Tracked> byId = new ConcurrentLongMap<>();

    /** The entry {@code place} keeps if it is still the board's, else the one by id; null if none. Under the lock. */
    Tracked get(long id, EntryPlace place) {
        if (place != null && place.boardEntry() instanceof Tracked kept && !kept.dropped()) {
            return kept;
        }
        return byId.get(id);
    }

    /**
     * The service's entry for a reply, made at its first (from what {@code graph} knows of it); its rules read again
     * when its parameters are others. Under the board's lock.
     */
    Tracked entry(
            long objectId,
            Map<String, String> params,
            Instant now,
            EntryPlace place,
            StatusGraph graph,
            CheckTimes checks) {
        Tracked tracked = get(objectId, place);
        if (tracked == null) {
            tracked = Tracked.first(graph.service(objectId), now, ReplyRules.of(params), checks.cell(objectId));
            put(objectId, tracked);
        }
        if (place != null && place.boardEntry() != tracked) {
            place.boardEntry(tracked);
        }
        if (!tracked.rules.isFor(params)) {
            tracked.rules = ReplyRules.of(params);
        }
        return tracked;
    }

    /** The entry by id, kept nowhere (readers). */
    Tracked get(long id) {
        return byId.get(id);
    }

    /** A new entry, made under the board's lock when {@link #get} found none. */
    void put(long id, Tracked tracked) {
        byId.put(id, tracked);
    }

    void forget(long id) {
        Tracked gone = byId.remove(id);
        if (gone != null) {
            gone.drop();
        }
    }

    /** Every entry, under the board's lock (no entry is put meanwhile). */
    void clear() {
        byId.values().forEach(Tracked::drop);
        byId.clear();
    }
}
