package org.argusee.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * What a fuzzing target's run saw: inputs sent, answers by kind, and the failures, each with the run's seed and the
 * input's number so it can be replayed. The summary line is what docs/security.md's table is made of.
 */
public final class FuzzTally {

    private static final Logger LOG = Logger.getLogger(FuzzTally.class.getName());
    /** Failures kept in full; the rest are only counted. */
    private static final int KEPT = 20;

    private final String target;
    private final long seed;
    private final long started = System.nanoTime();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int inputs;
    private int failed;
    private long slowestNanos;

    public FuzzTally(String target, long seed) {
        this.target = target;
        this.seed = seed;
    }

    /** One input answered as expected; {@code outcome} is how (a status code, "refused", "parsed"...). */
    public synchronized void ok(String outcome, long nanos) {
        inputs++;
        outcomes.merge(outcome, 1, Integer::sum);
        slowestNanos = Math.max(slowestNanos, nanos);
    }

    /** One input answered wrongly: a crash, a 5xx, a change where none was allowed, an answer not problem+json. */
    public synchronized void failed(String kind, int index, String what) {
        inputs++;
        failed++;
        outcomes.merge("FAILED " + kind, 1, Integer::sum);
        if (failures.size() < KEPT) {
            failures.add(kind + " at input " + index + " (seed " + seed + "): " + shorten(what));
        }
    }

    public synchronized int inputs() {
        return inputs;
    }

    public synchronized int failedCount() {
        return failed;
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** One line: target, inputs, failures, outcomes, slowest input, wall time; logged and returned. */
    public synchronized String summary() {
        String line = String.format(
                "fuzz %s: %d inputs, %d failed, seed %d, slowest %d ms, %d s in all, outcomes %s",
                target,
                inputs,
                failed,
                seed,
                slowestNanos / 1_000_000,
                (System.nanoTime() - started) / 1_000_000_000,
                outcomes);
        LOG.info(line);
        return line;
    }

    private static String shorten(String s) {
        String one = s == null ? "null" : s.replaceAll("[\\p{Cntrl}]", "?");
        return one.length() > 400 ? one.substring(0, 400) + "..." : one;
    }
}
