package org.argusee.live.control;

/**
 * One numbered change as the ring keeps it: what changed, not how it looks now (a replay builds the row from the
 * current state, which is at least as new).
 *
 * @param kind     status, annotation, tree or peers (DARP peers or their links changed)
 * @param objectId the object (status, annotation); 0 for a tree or peers change
 */
public record Change(long seq, Kind kind, long objectId, String fullName) {

    public enum Kind {
        STATUS,
        ANNOTATION,
        TREE,
        PEERS
    }
}
