package org.argusee.status.boundary;

import org.argusee.status.control.Transition;

/** An object changed status; fired once the change is stored (observe it with during = AFTER_SUCCESS). */
public record StatusChanged(long objectId, String fullName, Transition transition) {
}
