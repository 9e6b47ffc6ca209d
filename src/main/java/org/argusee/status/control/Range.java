package org.argusee.status.control;

/** Count, minimum, sum and maximum of some numbers: mergeable by adding, with the average derived. */
public record Range(long count, double min, double sum, double max) {

    public static Range of(double value) {
        return new Range(1, value, value, value);
    }

    /** Either may be null (nothing measured). */
    public static Range merge(Range a, Range b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Range(a.count + b.count, Math.min(a.min, b.min), a.sum + b.sum, Math.max(a.max, b.max));
    }

    public double average() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
