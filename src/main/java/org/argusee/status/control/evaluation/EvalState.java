package org.argusee.status.control.evaluation;

import java.time.Instant;

/**
 * What {@code calc} remembers of one service between probes, as the original's {@code calcdata}: the last raw
 * counter value, when it was taken and the last difference (for rate, delta and spike suppression), and the
 * decaying average with the time it was last updated (for ave and jitter). Null fields mean "not seen yet".
 */
public record EvalState(Double lastValue, Instant lastTime, Double lastDelta, Double average, Instant averageTime) {

    public static final EvalState EMPTY = new EvalState(null, null, null, null, null);

    EvalState withCounter(double value, Double delta, Instant at) {
        return new EvalState(value, at, delta, average, averageTime);
    }

    EvalState withAverage(double newAverage, Instant at) {
        return new EvalState(lastValue, lastTime, lastDelta, newAverage, at);
    }
}
