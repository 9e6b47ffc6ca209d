package org.argusee.status.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.argusee.tree.control.TimeValue;

/**
 * Retries and transitions of one object, as the original's {@code isup}/{@code isdown}: a probe that fails
 * {@code retries}+1 times in a row (default 2, so 3 failures) takes the object to its down state, one that
 * succeeds takes it to its up state at once. With {@code invert_status} the states are swapped but the counting
 * is not: a probe that answers makes the object down at once, one that fails retries+1 times makes it up.
 * <p>
 * While the object is already in the state a failure points to, the failure applies at once: a severity that
 * changes while down is a transition on that probe (the original only looked again after another retries+1
 * failures). A pending check changes nothing. Pure: the caller keeps the state.
 */
public final class StatusMachine {

    public static final int DEFAULT_RETRIES = 2;

    private StatusMachine() {}

    /**
     * A service's {@code retries} and {@code retrydelay}, the only parameters the machine reads, parsed once: the
     * status board keeps them with the service's other reply rules (issue 17) rather than reading the map at every
     * reply.
     *
     * @param delay the pace of retries; empty means "at the next regular time"
     */
    public record Retrying(int retries, Optional<Duration> delay) {

        public Retrying {
            Objects.requireNonNull(delay, "delay");
        }

        public static Retrying of(Map<String, String> params) {
            Objects.requireNonNull(params, "params");
            return new Retrying(StatusMachine.retries(params), retryDelay(params));
        }
    }

    public static StatusStep apply(ServiceStatus current, CheckResult check, Map<String, String> params, Instant now) {
        return apply(current, check, Retrying.of(Objects.requireNonNull(params, "params")), now);
    }

    /** As {@link #apply(ServiceStatus, CheckResult, Map, Instant)} with the service's retry settings already read. */
    public static StatusStep apply(ServiceStatus current, CheckResult check, Retrying retrying, Instant now) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(retrying, "retrying");
        Objects.requireNonNull(now, "now");
        if (check.pending()) {
            // Failures in 1..retries mean a retry is under way: keep its pace.
            boolean retryingNow = current.failures() > 0 && current.failures() <= retrying.retries();
            return new StatusStep(current, Optional.empty(), retryingNow ? retrying.delay() : Optional.empty());
        }
        Status target = target(check);
        boolean failed = check.probeFailed();
        int failures = failed ? saturatingIncrement(current.failures()) : 0;
        if (failed && target != current.status() && failures <= retrying.retries()) {
            ServiceStatus next = new ServiceStatus(
                    current.status(),
                    failures,
                    current.severity(),
                    current.since(),
                    current.isDown() ? current.reason() : check.reason());
            return new StatusStep(next, Optional.empty(), retrying.delay());
        }
        Severity severity = target == Status.UP ? Severity.CLEAR : check.severity();
        String reason = target == Status.UP ? null : check.reason();
        boolean changed = target != current.status();
        ServiceStatus next = !changed
                        && failures == current.failures()
                        && severity == current.severity()
                        && Objects.equals(reason, current.reason())
                ? current // the same status again, the usual reply: no new one (issue 17, session 14)
                : new ServiceStatus(target, failures, severity, changed ? now : current.since(), reason);
        Optional<Transition> transition = changed || severity != current.severity()
                ? Optional.of(new Transition(current.status(), current.severity(), target, severity, reason, now))
                : Optional.empty();
        return new StatusStep(next, transition, Optional.empty());
    }

    /**
     * Whether this reply settles a service that is not known yet (shown unknown until then): an answer that passes
     * (with {@code invert_status}, one that fails the test: down at once), or {@code retries}+1 failed probes in a
     * row, whichever state they lead to. An inverted service whose probe failed stays up with failures counted, so
     * "up with no failures" never came and it was unknown until its probe first answered (seen beside Argus 3.7,
     * docs/parity.md, "configsweep"; there it is up).
     */
    public static boolean settles(CheckResult check, StatusStep step, Retrying retrying) {
        return !check.pending()
                && (!check.probeFailed() || step.next().isDown() || step.next().failures() > retrying.retries());
    }

    /** The {@code retries} parameter; the default when unset or not a whole number of at least 0. */
    public static int retries(Map<String, String> params) {
        String text = params.get("retries");
        if (text == null) {
            return DEFAULT_RETRIES;
        }
        try {
            int r = Integer.parseInt(text.strip());
            return r < 0 ? DEFAULT_RETRIES : r;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRIES;
        }
    }

    /** Unset means "at the next regular time"; 0 is allowed and means "retry at once", as in the original. */
    static Optional<Duration> retryDelay(Map<String, String> params) {
        String text = params.get("retrydelay");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(TimeValue.parseSeconds(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Status target(CheckResult check) {
        return check.up() ? Status.UP : Status.DOWN;
    }

    private static int saturatingIncrement(int n) {
        return n == Integer.MAX_VALUE ? n : n + 1;
    }
}
