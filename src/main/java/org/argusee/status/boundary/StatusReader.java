package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Current statuses by object id, for the tree API; served from memory, not the database. */
@ApplicationScoped
public class StatusReader {

    @Inject
    StatusBoard board;

    public Map<Long, StatusView> statuses(Collection<Long> objectIds) {
        Map<Long, StatusView> result = new HashMap<>();
        objectIds.forEach(id -> result.put(id, status(id)));
        return result;
    }

    public StatusView status(long objectId) {
        return StatusView.of(
                board.state(objectId).orElse(null), board.lastCheck(objectId).orElse(null));
    }
}
