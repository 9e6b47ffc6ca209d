package org.argusee.probe.boundary;

import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.platform.control.SteadyClock;

/**
 * The scheduler's lag, {@code argus_probe_lag_seconds}: a histogram with the buckets Micrometer's timer had (its
 * percentile histogram from 1 ms to 60 s and the fixed 10, 50, 100, 250 ms and 1 s), its sum, and the {@code _max}
 * of the last minute. Counted by the tick's thread alone into plain arrays and read when scraped: Micrometer's timer
 * paid at every turn a binary search, atomic adds for its count, sum and histogram and a time-window max with its
 * clock reads, about 7 % of the tick thread's samples at 20,000 services (issue 17, docs/benchmarks.md, session 14).
 * A lag is whole milliseconds, so its bucket comes from a table for the first {@link #TABLE_MILLIS} ms.
 *
 * <p>One writer ({@link #record}, the tick's thread: turns are taken nowhere else); the scrape reads what the last
 * {@link #record} published ({@code total}'s release store, read with acquire). A scrape during a record may see
 * a bucket one behind the sum, as with Micrometer's own counters; the count is the buckets' sum.
 */
final class LagHistogram implements MultiCollector {

    static final String NAME = "argus_probe_lag_seconds";
    private static final String HELP = "Actual start minus planned start of a probe";
    /** Lags up to this many ms find their bucket in a table; longer ones (rare: a stalled server) search. */
    static final int TABLE_MILLIS = 1024;
    /** The max covers the last 40-60 s, as Micrometer's (three slots of 20 s). */
    private static final long SLOT_MILLIS = 20_000;

    private final double[] bounds; // seconds, ascending, the last +Inf
    /** The bounds in whole ms, rounded down: n ms (n * 10^6 ns) is within a bound when n <= this. */
    private final long[] boundMillis;

    private final short[] bucketOf = new short[TABLE_MILLIS];
    private final long[] counts; // per bucket, not cumulative
    private long sumMillis;
    private final long[] maxMillis = new long[3];
    private final long[] maxSlot = new long[3];
    private final AtomicLong total = new AtomicLong(); // published with each record, for the scrape's reads

    LagHistogram() {
        DistributionStatisticConfig config = DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .serviceLevelObjectives(
                        nanos(Duration.ofMillis(10)),
                        nanos(Duration.ofMillis(50)),
                        nanos(Duration.ofMillis(100)),
                        nanos(Duration.ofMillis(250)),
                        nanos(Duration.ofSeconds(1)))
                .minimumExpectedValue(nanos(Duration.ofMillis(1)))
                .maximumExpectedValue(nanos(Duration.ofSeconds(60)))
                .build()
                .merge(DistributionStatisticConfig.DEFAULT);
        double[] nanos = config.getHistogramBuckets(true).stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        bounds = new double[nanos.length + 1];
        boundMillis = new long[nanos.length + 1];
        for (int i = 0; i < nanos.length; i++) {
            bounds[i] = nanos[i] / 1e9;
            boundMillis[i] = (long) Math.floor(nanos[i] / 1e6);
        }
        bounds[nanos.length] = Double.POSITIVE_INFINITY;
        boundMillis[nanos.length] = Long.MAX_VALUE;
        counts = new long[bounds.length];
        for (int ms = 0; ms < TABLE_MILLIS; ms++) {
            bucketOf[ms] = (short) search(ms);
        }
    }

    private static double nanos(Duration d) {
        return d.toNanos();
    }

    /** The first bucket whose bound is at least {@code ms}: where Micrometer counted a value of ms * 10^6 ns. */
    private int search(long ms) {
        int low = 0;
        int high = boundMillis.length - 1; // +Inf's, which every lag is within
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (boundMillis[mid] >= ms) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** A turn started {@code lagMillis} (>= 0) late, at {@code nowMillis} (epoch ms). The tick's thread only. */
    void record(long lagMillis, long nowMillis) {
        counts[lagMillis < TABLE_MILLIS ? bucketOf[(int) lagMillis] : search(lagMillis)]++;
        sumMillis += lagMillis;
        long slot = nowMillis / SLOT_MILLIS;
        int at = (int) (slot % 3);
        if (maxSlot[at] != slot) {
            maxSlot[at] = slot;
            maxMillis[at] = 0;
        }
        if (lagMillis > maxMillis[at]) {
            maxMillis[at] = lagMillis;
        }
        total.lazySet(total.get() + 1); // one writer: no atomic add, only the release that publishes the above
    }

    @Override
    public MetricSnapshots collect() {
        total.get(); // acquire: every record published before it is seen below
        long[] c = counts.clone();
        double sum = sumMillis / 1e3;
        long slot = SteadyClock.SYSTEM.millis() / SLOT_MILLIS; // the clock of the times recorded
        long max = 0;
        for (int i = 0; i < 3; i++) {
            if (maxSlot[i] > slot - 3) {
                max = Math.max(max, maxMillis[i]);
            }
        }
        HistogramSnapshot histogram = HistogramSnapshot.builder()
                .name(NAME)
                .help(HELP)
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, c))
                        .sum(sum)
                        .build())
                .build();
        GaugeSnapshot maximum = GaugeSnapshot.builder()
                .name(NAME + "_max")
                .help(HELP)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(max / 1e3)
                        .build())
                .build();
        return new MetricSnapshots(histogram, maximum);
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(NAME, NAME + "_max");
    }
}
