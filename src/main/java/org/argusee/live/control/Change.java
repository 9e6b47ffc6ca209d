package org.argusee.live.control;

/**
 * One numbered change as the ring keeps it: what changed, not how it looks now (a replay builds the row from the
 * current state, which is at least as new).
 *
 * @param kind     status, annotation, tree, peers (DARP peers or their links changed), or notification (created,
 *                 acknowledged, sent or failed)
 * @param objectId the object (status, annotation, notification); 0 for a tree or peers change, or a notification of
 *                 an object no longer in the tree
 */
public record Change(long seq, Kind kind, long objectId, String fullName) {

    public enum Kind {
        STATUS,
        ANNOTATION,
        TREE,
        PEERS,
        NOTIFICATION
    }

    /** Changes with the same key replace each other in a replay: the object's last one of the kind tells all. */
    public String key() {
        return kind == Kind.NOTIFICATION ? kind + ":" + fullName : kind + ":" + objectId;
    }
}
