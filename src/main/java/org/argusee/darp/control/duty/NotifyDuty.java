package org.argusee.darp.control.duty;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.argusee.darp.control.combine.DarpGravity;

/**
 * Does this server send the notifications of an object? The original's rule (REFERENCE 6):
 * {@code slaves_send_notifies} names the servers that notify (default {@code *}: every one), and
 * {@code master_notif_gravity} {@code low} or {@code high} lets only the lowest or highest tag among those connected
 * notify, so that servers that all see an outage do not all send it.
 *
 * <p>"Connected" is this server's view: itself, and the peers whose link is up now. A slave knows its masters, a
 * master its slaves. So with {@code low}, a slave whose master has the lower tag stays quiet while the link is up
 * and notifies once the master is gone: the duty moves with the failover, and a server never waits for another it
 * cannot see. Words other than low and high (the original lists none) mean no gravity: every listed server
 * notifies; the explanation says so.
 */
public final class NotifyDuty {

    public static final String SEND = "slaves_send_notifies";
    public static final String GRAVITY = "master_notif_gravity";

    /** Whether to notify, and why in one sentence. */
    public record Decision(boolean notifies, String explanation) {
        public Decision {
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    private NotifyDuty() {}

    /**
     * Whether the servers share one telling of the object, so that what one told need not be told again by another
     * (the master and its slaves: 70-notify.md, "DARP: told once"). They do where the object has one status for
     * all of them: failover (whoever tests it, tests the same thing for all) and distributed or redundant with a
     * gravity other than self (the master's status is combined from every server's). Not with gravity self: each
     * server shows its own result, which the master does not combine, so a down one server sees is no down another
     * told (the original tells both), and a stale told state of the other must not silence it. Not with mode none
     * (nothing is served).
     */
    public static boolean sharedTelling(Function<String, Optional<String>> lookup) {
        DarpMode mode = DarpMode.fromParam(lookup.apply(DarpParameters.MODE).orElse(null))
                .orElse(DarpMode.NONE);
        if (mode == DarpMode.NONE) {
            return false;
        }
        if (mode == DarpMode.FAILOVER) {
            return true;
        }
        return DarpGravity.fromParam(lookup.apply(DarpParameters.GRAVITY).orElse(null))
                .map(g -> g != DarpGravity.SELF)
                .orElse(true);
    }

    /**
     * @param lookup        the object's effective parameters
     * @param here          this server and its peers
     * @param connectedNow  tags of the peers whose link is up now (others are ignored)
     */
    public static Decision decide(
            Function<String, Optional<String>> lookup, DarpTopology here, Set<String> connectedNow) {
        Objects.requireNonNull(here, "here");
        Objects.requireNonNull(connectedNow, "connectedNow");
        if (!here.hasPeers()) {
            return new Decision(true, "no DARP peers: notifies here");
        }
        String sendText = lookup.apply(SEND).filter(t -> !t.isBlank()).orElse(TagList.ALL);
        TagList send = TagList.parse(sendText);
        String listed = SEND + " '" + send + "'";
        if (!send.includes(here.self(), here)) {
            return new Decision(false, listed + " does not name '" + here.self() + "': does not notify");
        }
        String gravity = lookup.apply(GRAVITY)
                .map(g -> g.strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (gravity.isEmpty()) {
            return new Decision(true, listed + " names '" + here.self() + "': notifies here");
        }
        if (!gravity.equals("low") && !gravity.equals("high")) {
            return new Decision(
                    true,
                    listed + " names '" + here.self() + "', " + GRAVITY + " '" + gravity
                            + "' is neither low nor high (ignored): notifies here");
        }
        TreeSet<String> candidates = new TreeSet<>();
        candidates.add(here.self());
        for (String tag : connectedNow) {
            if (here.knows(tag) && send.includes(tag, here)) {
                candidates.add(tag);
            }
        }
        String chosen = gravity.equals("low") ? candidates.first() : candidates.last();
        String among = GRAVITY + " " + gravity + " among the connected servers it names ("
                + String.join(", ", candidates) + ")";
        return chosen.equals(here.self())
                ? new Decision(true, listed + ", " + among + ": notifies here")
                : new Decision(false, listed + ", " + among + ": '" + chosen + "' notifies, not this server");
    }
}
