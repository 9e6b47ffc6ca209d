package org.argusee.darp.control.duty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long a master holds a new notification before sending it, so that a slave which may have told the same
 * transition meanwhile (while this master was dead, frozen or cut off) can say so first. A slave may have told an
 * object for this server only if the servers share its telling ({@link NotifyDuty#sharedTelling}: served to slaves,
 * not with gravity self) and {@code slaves_send_notifies} names it. Such a slave, when its link is up, has said what it told within {@code settle} of connecting (it
 * sends its unconfirmed reports at once); when its link is down, it is waited for during {@code grace} after the
 * link went down (or this server started), then no longer: a slave gone for good holds nothing up for ever.
 * Nothing is held on a server without slaves, nor in steady state (every slave linked for longer than settle).
 */
public final class NotifyHold {

    /** A slave's link: up since a time, or down since a time (null: not seen since this server started). */
    public record Link(boolean up, Instant since) {}

    private final Duration settle;
    private final Duration grace;

    public NotifyHold(Duration settle, Duration grace) {
        this.settle = Objects.requireNonNull(settle, "settle");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * @param lookup  the object's effective parameters
     * @param links   the slaves' links by tag (a slave not in it: not seen since this server started)
     * @param started when this server started
     * @return until when to hold the object's new notification; empty: send it now
     */
    public Optional<Instant> until(
            Function<String, Optional<String>> lookup,
            DarpTopology here,
            Map<String, Link> links,
            Instant started,
            Instant now) {
        if (!here.isMaster()) {
            return Optional.empty();
        }
        if (!NotifyDuty.sharedTelling(lookup)) {
            return Optional.empty(); // what a slave tells of it never stands for this server's telling
        }
        TagList send = TagList.parse(
                lookup.apply(NotifyDuty.SEND).filter(t -> !t.isBlank()).orElse(TagList.ALL));
        Instant until = null;
        for (String slave : here.slaves()) {
            if (!send.includes(slave, here)) {
                continue;
            }
            Instant end = end(links.get(slave), started);
            if (end.isAfter(now) && (until == null || end.isAfter(until))) {
                until = end;
            }
        }
        return Optional.ofNullable(until);
    }

    /** The latest end of a hold over every slave, whatever the object: after it nothing is held any more. */
    public Optional<Instant> anyUntil(DarpTopology here, Map<String, Link> links, Instant started, Instant now) {
        Instant until = null;
        for (String slave : here.slaves()) {
            Instant end = end(links.get(slave), started);
            if (end.isAfter(now) && (until == null || end.isAfter(until))) {
                until = end;
            }
        }
        return Optional.ofNullable(until);
    }

    private Instant end(Link link, Instant started) {
        if (link == null) {
            return started.plus(grace);
        }
        return link.up() ? link.since().plus(settle) : link.since().plus(grace);
    }
}
