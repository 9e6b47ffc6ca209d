package org.argusee.darp.control.combine;

import java.util.OptionalInt;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * This project's addition to the gravity rules, a hysteresis on the combined status:
 * <ul>
 * <li>{@code darp_quorum N}: an object that is up goes down only when the gravity says down and at least N
 * counted reports are down or override. Otherwise it stays up (and the failing servers are listed).</li>
 * <li>{@code darp_recovery_quorum M}: an object that is down comes up only when the gravity says up and at
 * least M counted reports are up. Otherwise it stays down, with its previous severity.</li>
 * </ul>
 * A quorum above the number of servers counted is lowered to that number: a quorum that can never be met would
 * hide an outage (or an end of one) for good; that is said in the explanation. Unset, the gravity decides alone,
 * as in the original. With no previous status the object counts as up, its initial status.
 */
final class Quorums {

    private static final DarpOutcome UP = new DarpOutcome(Status.UP, Severity.CLEAR, false);

    private Quorums() {}

    record Decision(DarpOutcome outcome, Basis basis, String note) {}

    static Decision apply(DarpParameters object, DarpOutcome byGravity, Tally tally, DarpOutcome previous) {
        boolean wasDown = previous != null && previous.status() == Status.DOWN;
        if (byGravity.status() == Status.DOWN && !wasDown && object.quorum().isPresent()) {
            int needed = needed(object.quorum(), tally);
            if (tally.failing() < needed) {
                return new Decision(
                        UP,
                        Basis.QUORUM_NOT_MET,
                        "the gravity says down, but "
                                + tally.failing() + " report(s) down or override are fewer than darp_quorum "
                                + describe(object.quorum(), needed) + ": stays up");
            }
        }
        if (byGravity.status() == Status.UP
                && wasDown
                && object.recoveryQuorum().isPresent()) {
            int needed = needed(object.recoveryQuorum(), tally);
            if (tally.up() < needed) {
                return new Decision(
                        previous,
                        Basis.RECOVERY_QUORUM_NOT_MET,
                        "the gravity says up, but "
                                + tally.up() + " report(s) up are fewer than darp_recovery_quorum "
                                + describe(object.recoveryQuorum(), needed) + ": stays down");
            }
        }
        return new Decision(byGravity, Basis.GRAVITY, byGravity.status().label());
    }

    private static int needed(OptionalInt quorum, Tally tally) {
        return Math.min(quorum.getAsInt(), tally.total());
    }

    private static String describe(OptionalInt quorum, int needed) {
        int set = quorum.getAsInt();
        return set == needed ? Integer.toString(set) : set + " (lowered to the " + needed + " servers counted)";
    }
}
