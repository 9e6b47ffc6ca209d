package org.argusee.status.control.evaluation;

import java.util.Objects;
import org.argusee.status.control.CheckResult;
import org.argusee.status.control.Severity;

/**
 * What one probe means for its service. {@code result} is the value shown to people (after pluck, scale and
 * calc), {@code number} the same as a number when it is one, {@code next} the calc state for the next probe.
 * <p>
 * {@code pending} marks a probe that gives no answer yet: the first sample of a rate or delta, a counter reset,
 * a suppressed spike, a retest less than a second after the last one. The original then neither raises nor
 * clears anything, so the status machine leaves the service as it is; {@code up} is true only so that a reader
 * that ignores the flag does not see a failure. {@code inverted} says {@code invert_status} flipped {@code up}.
 */
public record Verdict(
        boolean up,
        Severity severity,
        String reason,
        String result,
        Double number,
        EvalState next,
        boolean pending,
        boolean inverted) {

    /** What a NUL byte of a result or reason becomes: the symbol for null, U+2400. */
    static final char NUL_SHOWN = '\u2400';

    public Verdict {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(next, "next");
        reason = withoutNul(reason);
        result = withoutNul(result);
        if (up && severity != Severity.CLEAR) {
            throw new IllegalArgumentException("an up verdict has severity clear, not " + severity.label());
        }
    }

    /**
     * A binary answer (UDP/NTP's raw 48 bytes, a banner with zeros) holds NUL bytes, which PostgreSQL's text refuses:
     * one such result stopped every status write of the server, each round failing whole and kept to be tried again
     * (found running beside Argus 3.7, docs/parity.md). Shown, stored and told as U+2400 instead; the value tested
     * (unpack, pluck) is the reply's, before this.
     */
    static String withoutNul(String text) {
        return text == null || text.indexOf(0) < 0 ? text : text.replace((char) 0, NUL_SHOWN);
    }

    /**
     * Up with no value and no calc state: every reply of a service whose connection is the whole test (a TCP
     * connect, a ping) once it passes. One verdict for all of them, not one a reply (issue 17, session 14).
     */
    private static final Verdict UP_NOTHING =
            new Verdict(true, Severity.CLEAR, null, null, null, EvalState.EMPTY, false, false);

    static Verdict up(String result, Double number, EvalState next) {
        return result == null && number == null && next == EvalState.EMPTY
                ? UP_NOTHING
                : new Verdict(true, Severity.CLEAR, null, result, number, next, false, false);
    }

    static Verdict down(Severity severity, String reason, String result, Double number, EvalState next) {
        return new Verdict(false, severity, reason, result, number, next, false, false);
    }

    static Verdict pending(String reason, EvalState next) {
        return new Verdict(true, Severity.CLEAR, reason, null, null, next, true, false);
    }

    /** The same verdict with up and down swapped; a down one takes {@code severity}. */
    Verdict invert(Severity severity) {
        if (pending) {
            return this;
        }
        return up
                ? new Verdict(false, severity, "status inverted: test passed", result, number, next, false, true)
                : new Verdict(true, Severity.CLEAR, "status inverted: " + reason, result, number, next, false, true);
    }

    /** The part the status machine needs. */
    public CheckResult check() {
        return up && severity == Severity.CLEAR && reason == null && !pending && !inverted
                ? CheckResult.passed()
                : new CheckResult(up, severity, reason, pending, inverted);
    }
}
