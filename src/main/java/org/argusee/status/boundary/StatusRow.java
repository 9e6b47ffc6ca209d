package org.argusee.status.boundary;

import java.time.Instant;
import java.util.Optional;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.Transition;

/** A status to store for one object, and the transition that led to it, if any. */
public record StatusRow(long objectId, String fullName, ServiceStatus status, String result, Instant checkedAt,
                        Optional<Transition> transition) {
}
