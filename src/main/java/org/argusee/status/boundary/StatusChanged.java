package org.argusee.status.boundary;

import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.Transition;

/**
 * An object's state changed; fired once the change is stored (observe it with during = AFTER_SUCCESS). A plain
 * (synchronous) observer runs inside the transaction that stores it, so what it writes commits or rolls back with
 * the transition (notifications keep their outbox this way); it must not throw for anything but a database
 * failure. Fired for
 * a change of its own status or severity, of what it shows, or of its override; not for a new wording of the
 * reason alone.
 *
 * @param transition its own status and severity before and after (equal when only what it shows changed). An
 *                   object seen for the first time is taken to have been up before, as in the original.
 * @param previous   what it showed before; null when it was unknown until now
 * @param shown      what it shows now (down, override, depends, up, with the severity shown); null when it is
 *                   unknown again (a group whose counted children are all unknown)
 * @param inOverride the object or one of its ancestors is under an override: no notifications
 */
public record StatusChanged(
        long objectId,
        String fullName,
        Transition transition,
        DisplayStatus previous,
        DisplayStatus shown,
        boolean inOverride) {}
