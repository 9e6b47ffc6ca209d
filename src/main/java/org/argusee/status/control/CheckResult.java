package org.argusee.status.control;

import java.util.Objects;

/**
 * One check's outcome as the status machine needs it (the evaluator's {@code Verdict} makes one).
 * {@code pending}: the check gave no answer (first sample of a rate...), nothing changes. {@code inverted}:
 * {@code invert_status} already swapped {@code up}; the machine needs to know, because retries count the
 * probe's own failures, as in the original (see {@link StatusMachine}).
 */
public record CheckResult(boolean up, Severity severity, String reason, boolean pending, boolean inverted) {

    public CheckResult {
        Objects.requireNonNull(severity, "severity");
    }

    /** A check that passed: the same one every time, as most replies pass (issue 17). */
    private static final CheckResult PASSED = new CheckResult(true, Severity.CLEAR, null, false, false);

    public static CheckResult passed() {
        return PASSED;
    }

    public static CheckResult failed(Severity severity, String reason) {
        return new CheckResult(false, severity, reason, false, false);
    }

    /** Whether the probe itself failed, whatever {@code invert_status} made of it. */
    boolean probeFailed() {
        return inverted == up;
    }
}
