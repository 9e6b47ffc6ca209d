package org.argusee.status.boundary;

import java.time.Instant;
import java.util.List;
import org.argusee.status.control.DayTally;
import org.argusee.status.control.StateChange;

/**
 * One change to store: the object's new status row (with the last result and check time of a service), the
 * transition log entry if the change is logged (with its reason in words), the availability it adds, and the
 * event to fire.
 */
public record StatusRow(
        long objectId,
        String fullName,
        StateChange change,
        String result,
        Instant checkedAt,
        List<DayTally> days,
        boolean inOverride,
        String logReason) {}
