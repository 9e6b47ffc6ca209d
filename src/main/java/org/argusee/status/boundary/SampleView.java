package org.argusee.status.boundary;

import java.time.Instant;
import org.argusee.status.control.Range;
import org.argusee.status.control.Sample;

/**
 * The probes of a service in one bucket of time starting {@code at}: how many and how many failed, and minimum,
 * average and maximum of the numeric result ({@code value}, null when no result was a number) and of the time
 * each probe took ({@code elapsedMs}).
 */
public record SampleView(Instant at, int probes, int failures, Stats value, Stats elapsedMs) {

    public record Stats(double min, double avg, double max) {

        static Stats of(Range r) {
            return r == null || r.count() == 0 ? null : new Stats(r.min(), r.average(), r.max());
        }
    }

    static SampleView of(Sample s) {
        return new SampleView(s.start(), s.probes(), s.failures(), Stats.of(s.value()), Stats.of(s.elapsed()));
    }
}
