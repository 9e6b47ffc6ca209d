package org.argusee.probe.control.ping;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.argusee.probe.control.Reply;

/**
 * One Ping service's probe waiting for its answer in a batch: the address to ping (as the text given to fping,
 * which prints it back verbatim), its family, and its deadline. Whoever answers first (the tool, the deadline,
 * shutdown) completes it; later answers are ignored.
 */
final class PingProbe {

    final String address;
    final int family;
    final long deadlineNanos;
    private final long started;
    private final CompletableFuture<Reply> result;

    PingProbe(String address, int family, long started, Duration timeout, CompletableFuture<Reply> result) {
        this.address = address;
        this.family = family;
        this.started = started;
        this.deadlineNanos = started + timeout.toNanos();
        this.result = result;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** @param millis the round-trip time in ms as the tool printed it, the service's value; empty if not given */
    void up(String millis) {
        result.complete(Reply.ok(millis == null || millis.isEmpty() ? null : millis, elapsed()));
    }

    void down(String reason) {
        result.complete(Reply.failed(reason, elapsed()));
    }

    /** What is left of its time, at least 0. */
    long remainingMillis() {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
