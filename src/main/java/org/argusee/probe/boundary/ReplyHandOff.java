package org.argusee.probe.boundary;

import java.time.Duration;
import java.util.Optional;
import org.argusee.probe.control.Reply;
import org.argusee.status.boundary.StatusBoard;

/**
 * Where a probe's reply goes, on the network loop's thread: the count of replies ({@code tested}) and
 * the status board, which judges it. Holds both beans themselves rather than their client proxies: each call
 * through a proxy looks up the bean's context, and at 20,000 services that look-up was as large a part of a reply's
 * samples as the board's own maps (issue 17, docs/benchmarks.md). Both are application-scoped without interceptors,
 * so their instances live as long as the application and a direct call does what a call through the proxy does.
 */
final class ReplyHandOff {

    private final StatusBoard board;
    private final LatestValues latest;

    /** Takes the proxies the container injected and keeps the instances behind them. */
    ReplyHandOff(StatusBoard board, LatestValues latest) {
        this.board = board.instance().get();
        this.latest = latest.instance().get();
    }

    /** A reply of the service's monitor; returns when to probe again if not at its next turn (retrydelay). */
    Optional<Duration> received(long id, Scheduled s, Reply reply) {
        latest.replied();
        return board.record(id, s.fullName(), s.params(), reply, s);
    }

    /** A probe that could not start (its configuration): judged as a failed reply, not counted as one. */
    Optional<Duration> failed(long id, Scheduled s, Reply failed) {
        return board.record(id, s.fullName(), s.params(), failed, s);
    }
}
