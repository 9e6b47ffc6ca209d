package org.argusee.status.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The probes of one service within one time bucket: how many, how many failed, the numeric results (when the
 * result was a number) and the elapsed times in milliseconds.
 */
public record Sample(Instant start, int probes, int failures, Range value, Range elapsed) {

    public Sample {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public static Sample of(Instant start, boolean ok, Double value, Duration elapsed) {
        return new Sample(
                start,
                1,
                ok ? 0 : 1,
                value == null || value.isNaN() || value.isInfinite() ? null : Range.of(value),
                Range.of(elapsed.toNanos() / 1e6));
    }

    /** Both buckets' probes together, in the bucket starting at {@code at}. */
    public Sample plus(Sample other, Instant at) {
        return new Sample(
                at,
                probes + other.probes,
                failures + other.failures,
                Range.merge(value, other.value),
                Range.merge(elapsed, other.elapsed));
    }

    public Sample at(Instant at) {
        return new Sample(at, probes, failures, value, elapsed);
    }
}
