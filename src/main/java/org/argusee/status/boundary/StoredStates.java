package org.argusee.status.boundary;

import java.util.Map;
import java.util.stream.LongStream;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.status.control.ObjectState;
import org.argusee.tree.boundary.TreeReloaded;

/**
 * The {@link StatusBoard}'s states as stored: what readers see while the writer keeps up, so a status the API shows
 * is in the database with its transition. Read without the board's lock.
 */
final class StoredStates {

    private final ConcurrentLongMap<ObjectState> stored = new ConcurrentLongMap<>();

    ObjectState get(long objectId) {
        return stored.get(objectId);
    }

    /** The batch is committed: its states are what readers see from now on. */
    void stored(StatusBatch batch) {
        for (StatusRow row : batch.statuses()) {
            if (row.change().after() == null) {
                stored.remove(row.objectId());
            } else {
                stored.put(row.objectId(), row.change().after());
            }
        }
    }

    /** Objects no longer in the tree are forgotten (of a patched tree, only its changed objects are looked at). */
    void reloaded(TreeReloaded reloaded) {
        (reloaded.patched() ? reloaded.changed().stream().mapToLong(Long::longValue) : LongStream.of(stored.keys()))
                .filter(id -> reloaded.current().byId(id).isEmpty())
                .forEach(stored::remove);
    }

    /** What was stored before a restart, where this server has worked nothing out since. */
    void restore(Map<Long, ObjectState> saved) {
        saved.forEach(stored::putIfAbsent);
    }

    /** What the active server of a master pair stored, in place of this one's (issue 16). */
    void replace(Map<Long, ObjectState> saved) {
        stored.removeKeysIf(id -> !saved.containsKey(id));
        stored.putAll(saved);
    }
}
