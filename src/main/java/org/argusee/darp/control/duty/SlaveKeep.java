package org.argusee.darp.control.duty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * On a DARP slave, the transitions it left to its master to tell (the master linked and {@link NotifyDuty} naming
 * it), kept until it is known who tells them: the mirror of the master's {@link NotifyHold}. A transition is the
 * master's once the master has applied a report of the object as new as it (its ack of that report, or of a newer
 * one of the object: acks are cumulative and a report not yet sent is replaced by a newer one of the same object,
 * so "as new" is what the master has seen). If the link falls before that, the master may never hear of it (it
 * was killed, and the report waiting in the link's queue may be replaced by the next state of the object before
 * it is back): the slave tells it itself. Neither within {@code hold} of keeping it (the link stayed up and the
 * report carried nothing new, so nothing was sent): the master has the state. The first of these wins and stands;
 * a transition this memory does not know (kept before a restart of this server) is told here: the master's ack of
 * it, if any, was lost with the memory, and a DOWN told twice is better than a DOWN told by nobody.
 * (docs/design/70-notify.md, "A slave's transitions left to its master".) Thread-safe: the link's thread reports
 * acks and falls, the notification rounds ask.
 */
public final class SlaveKeep {

    /** Who tells a kept transition. */
    public enum Outcome {
        /** Not known yet: keep it. */
        WAIT,
        /** The master applied it (or a newer state of the object): its to tell, not this server's. */
        MASTERS,
        /** The link fell before the master applied it: this server tells it. */
        TELL
    }

    /** What the outbox takes at its decision: whose it is and the link's falls counted so far. */
    public record Ticket(String master, long falls) {
        public Ticket {
            Objects.requireNonNull(master, "master");
        }
    }

    private record Kept(String object, Instant transitionAt, Instant keptAt, Outcome outcome) {
        Kept settled(Outcome o) {
            return new Kept(object, transitionAt, keptAt, o);
        }
    }

    /** Final outcomes are forgotten this long after keeping, if nobody asked (the row went another way). */
    private static final Duration FORGET = Duration.ofMinutes(10);

    private final Duration hold;
    private final Map<Long, Kept> kept = new HashMap<>();
    private long falls;

    public SlaveKeep(Duration hold) {
        this.hold = Objects.requireNonNull(hold, "hold");
    }

    /**
     * Whether a slave leaves the object's transition to a linked master of it: the duty is not this server's only
     * because that master is linked (without its linked masters it would notify), and the servers share the
     * object's telling. Empty: the duty's decision stands as it is.
     *
     * @return the master it is left to
     */
    public static Optional<String> leftTo(
            Function<String, Optional<String>> lookup, DarpTopology here, Set<String> connectedNow) {
        if (!here.isSlave() || !NotifyDuty.sharedTelling(lookup)) {
            return Optional.empty();
        }
        if (NotifyDuty.decide(lookup, here, connectedNow).notifies()) {
            return Optional.empty();
        }
        TreeSet<String> linkedMasters = new TreeSet<>(connectedNow);
        linkedMasters.retainAll(here.masters());
        if (linkedMasters.isEmpty()) {
            return Optional.empty();
        }
        Set<String> others = new HashSet<>(connectedNow);
        others.removeAll(linkedMasters);
        if (!NotifyDuty.decide(lookup, here, others).notifies()) {
            return Optional.empty(); // not this server's even alone: nothing to keep
        }
        return Optional.of(linkedMasters.first());
    }

    /**
     * The link's falls counted so far, for the {@link Ticket} of a decision: read it before the links the decision
     * looks at, so that a fall in between makes {@link #keep} tell it.
     */
    public synchronized long falls() {
        return falls;
    }

    /**
     * A notification of the object's transition at {@code transitionAt} was stored, kept for the master. If the
     * link fell since the ticket was taken, it is told here at once.
     */
    public synchronized void keep(long id, String object, Instant transitionAt, Ticket ticket, Instant now) {
        Outcome o = falls > ticket.falls() ? Outcome.TELL : Outcome.WAIT;
        kept.put(id, new Kept(object, transitionAt, now, o));
    }

    /** The master link fell (or stopped): what it has not applied yet is told here. */
    public synchronized void linkFell() {
        falls++;
        kept.replaceAll((id, k) -> k.outcome() == Outcome.WAIT ? k.settled(Outcome.TELL) : k);
    }

    /** The master applied a report of the object as of {@code at} (the time of its state). */
    public synchronized void applied(String object, Instant at) {
        kept.replaceAll((id, k) -> k.outcome() == Outcome.WAIT
                        && k.object().equals(object)
                        && !k.transitionAt().isAfter(at)
                ? k.settled(Outcome.MASTERS)
                : k);
    }

    /** Who tells the notification {@code id} (kept, or found kept in the database). */
    public synchronized Outcome outcome(long id, Instant now) {
        Kept k = kept.get(id);
        if (k == null) {
            return Outcome.TELL;
        }
        if (k.outcome() == Outcome.WAIT && !now.isBefore(k.keptAt().plus(hold))) {
            kept.put(id, k.settled(Outcome.MASTERS));
            return Outcome.MASTERS;
        }
        return k.outcome();
    }

    /** The outcomes were acted on; also drops old settled ones nobody asked for. */
    public synchronized void forget(List<Long> ids, Instant now) {
        ids.forEach(kept::remove);
        List<Long> old = new ArrayList<>();
        kept.forEach((id, k) -> {
            if (k.outcome() != Outcome.WAIT && k.keptAt().plus(FORGET).isBefore(now)) {
                old.add(id);
            }
        });
        old.forEach(kept::remove);
    }

    public synchronized int size() {
        return kept.size();
    }
}
