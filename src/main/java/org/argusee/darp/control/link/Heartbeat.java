package org.argusee.darp.control.link;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Liveness of the other side of a stream: it must send something within {@code timeout}, and answer each ping
 * within it too, else it is down, also when its TCP connection stays open (a hung peer). Pings go every third of
 * the other side's own timeout. Pure and single-threaded; the master's sessions and the slave's link both use it.
 */
public final class Heartbeat {

    private final long timeoutMillis;
    private long peerTimeoutMillis;
    private Instant lastHeard;
    private Instant lastPing;
    /** Pings not answered yet, oldest first: the oldest one's age is the wait. */
    private final Deque<Sent> unanswered = new ArrayDeque<>();

    private long pingId;

    private record Sent(long id, Instant at) {}

    public Heartbeat(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public void opened(Instant now) {
        lastHeard = now;
        lastPing = now;
        unanswered.clear();
        peerTimeoutMillis = 0;
    }

    /** The other side's timeout, known from its hello or welcome. */
    public void welcomed(long otherTimeoutMillis) {
        peerTimeoutMillis = otherTimeoutMillis;
    }

    /** How long the other side may be silent before it is given up. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    public long peerTimeoutMillis() {
        return peerTimeoutMillis;
    }

    public void heard(Instant now) {
        lastHeard = now;
    }

    public Instant lastHeard() {
        return lastHeard;
    }

    /** A pong answers its ping and every older one. */
    public void answered(long id) {
        while (!unanswered.isEmpty() && unanswered.peekFirst().id() <= id) {
            unanswered.removeFirst();
        }
    }

    /** Why the other side counts as down now, if it does. */
    public Optional<String> overdue(Instant now) {
        if (lastHeard != null && now.toEpochMilli() - lastHeard.toEpochMilli() > timeoutMillis) {
            return Optional.of("nothing heard for " + timeoutMillis + " ms");
        }
        Sent oldest = unanswered.peekFirst();
        if (oldest != null && now.toEpochMilli() - oldest.at().toEpochMilli() > timeoutMillis) {
            return Optional.of("no answer to a ping within " + timeoutMillis + " ms");
        }
        return Optional.empty();
    }

    /** The id of a ping to send now, if one is due. */
    public Optional<Long> pingDue(Instant now, long intervalMillis) {
        if (now.toEpochMilli() - lastPing.toEpochMilli() < intervalMillis) {
            return Optional.empty();
        }
        lastPing = now;
        unanswered.addLast(new Sent(++pingId, now));
        return Optional.of(pingId);
    }
}
