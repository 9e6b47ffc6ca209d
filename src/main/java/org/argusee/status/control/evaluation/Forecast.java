package org.argusee.status.control.evaluation;

import java.util.Arrays;

/**
 * One service's Holt-Winters forecaster, as Argus 3.7's {@code Argus::HWAB} (additive) and {@code Argus::MHWAB}
 * (multiplicative): results are averaged over windows of 5 minutes; each window that ends updates the level
 * {@code a}, the trend {@code b}, and the seasonal value {@code c} and deviation {@code d} of its bucket (one bucket
 * per window of the period), then gives the expectation for the next window. The first two periods only bootstrap
 * the buckets; {@link #deviation} says nothing before that. The math is in {@link HoltWinters}.
 * <p>
 * Mutable, owned by one service and changed only under its owner's lock. An unset value is NaN (the original's
 * {@code undef}); where the original used it as a number it counts as 0 ({@link #or0}). What the original kept on
 * disk is what {@link ForecastCodec} stores; the running window and the expectation are not kept, as there.
 */
public final class Forecast {

    /** The original's window ({@code $TWIN}). */
    public static final long WINDOW = 300;

    final boolean multiplicative;
    final long period;
    final int buckets;
    double alpha;
    double beta;
    double gamma;
    double zeta;
    /** Epoch seconds: when it was created, and the start of the window under way ({@code cstart}). */
    final long created;

    double start;
    double a = Double.NaN;
    double b = Double.NaN;
    double bBoot = Double.NaN;
    double cBoot = Double.NaN;
    double dBoot = Double.NaN;
    final double[] c;
    final double[] d;
    // the window under way
    int count;
    double total;
    double total2;
    // the expectation for the window under way; y NaN: none
    double expectY = Double.NaN;
    double expectD = Double.NaN;

    Forecast(boolean multiplicative, long period, long created, double start) {
        this.multiplicative = multiplicative;
        this.period = period;
        this.buckets = (int) Math.max(1, period / WINDOW);
        this.created = created;
        this.start = start;
        this.c = new double[buckets];
        this.d = new double[buckets];
        Arrays.fill(c, Double.NaN);
        Arrays.fill(d, Double.NaN);
    }

    /** A new forecaster, created now. */
    public static Forecast start(ForecastSettings settings, long nowSeconds) {
        Forecast f = new Forecast(settings.multiplicative(), settings.period(), nowSeconds, nowSeconds);
        f.tune(settings);
        return f;
    }

    /** The smoothing parameters may change without a reset (the original reset only for model and period). */
    public void tune(ForecastSettings s) {
        alpha = s.alpha();
        beta = s.beta();
        gamma = s.gamma();
        zeta = s.zeta();
    }

    /** False when the model or the period changed: the original then started over. */
    public boolean fits(ForecastSettings s) {
        return s.multiplicative() == multiplicative && s.period() == period;
    }

    /** Feeds one result; every window that ended by {@code nowSeconds} is folded into the model. */
    public void add(double value, long nowSeconds) {
        count++;
        total += value;
        total2 += value * value;
        double ave = total / count;
        // the original's sqrt of a slightly negative rounding error would have died; it is 0
        double sdv = Math.sqrt(Math.max(0, total2 / count - ave * ave));
        while (start + WINDOW <= nowSeconds) {
            HoltWinters.windowEnded(this, ave, sdv);
            count = 0;
            total = 0;
            total2 = 0;
            start += WINDOW;
        }
    }

    /**
     * How many deviations {@code value} is from the forecast; null while there is no forecast yet (the first two
     * periods, or no deviation known).
     */
    public Double deviation(double value) {
        if (Double.isNaN(expectY) || !truthy(expectD)) {
            return null;
        }
        if (!(start - created > 2 * period)) {
            return null;
        }
        return Math.abs(expectY - value) / expectD;
    }

    /** The expected value and deviation for the window under way, NaN when there is none. */
    public double expected() {
        return expectY;
    }

    public double expectedDeviation() {
        return expectD;
    }

    /**
     * The Holt-Winters forecast for the window holding {@code epochSeconds}, from the level, the trend and that
     * window's bucket: {expected, deviation}; null while there is none (the first two periods, a bucket not learnt).
     * For windows before the one under way it is the model's back-cast (what it would expect there now), not what it
     * expected at the time: the graph's band (gr_show_hwab), which the original drew from expectations it logged.
     */
    public double[] forecastAt(long epochSeconds) {
        if (!(start - created > 2 * period) || Double.isNaN(a)) {
            return null;
        }
        long steps = (long) Math.floor((epochSeconds - start) / WINDOW); // windows after the one under way
        int si = (int) Math.floorMod((long) (start / WINDOW) + steps, (long) buckets);
        // the deviation of the bucket before, as the running forecaster tests a window with (HoltWinters.finish)
        double dev = d[Math.floorMod(si - 1, buckets)];
        if (Double.isNaN(c[si]) || !truthy(dev)) {
            return null;
        }
        double level = a + (steps + 1) * or0(b);
        return new double[] {multiplicative ? level * c[si] : level + c[si], dev};
    }

    /** Epoch seconds: when this forecaster started learning (kept across restarts, new after a reset). */
    public long created() {
        return created;
    }

    public boolean multiplicative() {
        return multiplicative;
    }

    public long period() {
        return period;
    }

    /**
     * Taken up again after a restart, as the original's {@code _start}: after a long pause the level moves on by
     * the trend over the missed windows, and the expectation comes from the stored bucket.
     */
    void resume(long nowSeconds) {
        if (nowSeconds - start > 5 * WINDOW && truthy(a)) {
            long adj = (long) ((nowSeconds - start) / WINDOW) - 1;
            start += adj * WINDOW;
            a = a + adj * or0(b);
        }
        int si = bucket();
        if (truthy(a) && truthy(b) && truthy(c[si]) && truthy(d[si])) {
            expectY = multiplicative ? (a + b) * c[si] : a + b + c[si];
            expectD = d[si];
        }
    }

    /** The bucket of the window under way: Perl's % truncated both sides to integers. */
    int bucket() {
        return (int) Math.floorMod((long) (start / WINDOW), (long) buckets);
    }

    static double or0(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    /** Perl's truth of a number: defined and not 0. */
    static boolean truthy(double x) {
        return !Double.isNaN(x) && x != 0;
    }
}
