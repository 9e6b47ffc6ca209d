package org.argusee.status.control.evaluation;

import java.util.Map;
import org.argusee.status.control.Severity;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.TimeValue;

/**
 * The parameters the evaluator reads besides the tests, with the original's defaults. A value that does not
 * parse falls back to the default: the config checker has already reported it, and a probe must still give a
 * verdict.
 */
record EvalSettings(
        Severity severity, double alpha, long frequencySeconds, int sigfigs, boolean spikeSuppress, boolean invert) {

    static final int DEFAULT_SIGFIGS = 8;
    static final long DEFAULT_FREQUENCY = 60;

    static EvalSettings from(Map<String, String> params) {
        return new EvalSettings(
                severity(params.get("severity")),
                Numbers.parse(params.get("alpha")).filter(a -> a >= 0).orElse(1.0),
                frequency(params.get("frequency")),
                Numbers.parse(params.get("calc_sigfigs"))
                        .filter(s -> s >= 1 && s <= 30)
                        .map(Double::intValue)
                        .orElse(DEFAULT_SIGFIGS),
                Numbers.parse(params.get("spike_supress")).map(s -> s != 0).orElse(true),
                bool(params.get("invert_status")));
    }

    /** The {@code severity} parameter; critical when unset. */
    static Severity severity(String label) {
        if (label == null || label.isBlank()) {
            return Severity.CRITICAL;
        }
        try {
            return Severity.fromLabel(label);
        } catch (IllegalArgumentException e) {
            return Severity.CRITICAL;
        }
    }

    private static long frequency(String text) {
        try {
            long f = TimeValue.parseSeconds(text);
            return f == 0 ? DEFAULT_FREQUENCY : f; // the original refuses 0 and uses 60 instead
        } catch (IllegalArgumentException e) {
            return DEFAULT_FREQUENCY;
        }
    }

    private static boolean bool(String text) {
        return text != null && BooleanValue.isValid(text) && BooleanValue.parse(text);
    }
}
