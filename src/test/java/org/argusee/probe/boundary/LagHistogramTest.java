package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lag as scraped is what Micrometer's timer gave for the same lags: every bucket, the count, sum and max. */
class LagHistogramTest {

    @Test
    void scrapesAsMicrometersTimerDid() {
        PrometheusMeterRegistry micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Timer timer = Timer.builder("argus.probe.lag")
                .description("Actual start minus planned start of a probe")
                .publishPercentileHistogram()
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(micrometer);
        PrometheusMeterRegistry ours = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LagHistogram lag = new LagHistogram();
        ours.getPrometheusRegistry().register(lag);
        long now = System.currentTimeMillis();
        // every ms around the buckets' bounds up to the table's end, and beyond it up to past the last bound
        for (long ms = 0; ms < 3000; ms++) {
            timer.record(ms, TimeUnit.MILLISECONDS);
            lag.record(ms, now);
        }
        for (long ms : new long[] {5000, 59_999, 60_000, 61_000, 3_600_000}) {
            timer.record(ms, TimeUnit.MILLISECONDS);
            lag.record(ms, now);
        }
        List<String> expected = lines(micrometer.scrape());
        assertTrue(expected.size() > 80, () -> "buckets, count, sum, max: " + expected);
        assertEquals(expected, lines(ours.scrape()));
    }

    @Test
    void emptyAtFirst() {
        PrometheusMeterRegistry ours = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ours.getPrometheusRegistry().register(new LagHistogram());
        String scraped = ours.scrape();
        assertTrue(scraped.contains("argus_probe_lag_seconds_count 0"), scraped);
        assertTrue(scraped.contains("argus_probe_lag_seconds_bucket{le=\"+Inf\"} 0"), scraped);
    }

    private static List<String> lines(String scrape) {
        return scrape.lines().filter(l -> l.contains("argus_probe_lag_seconds")).collect(Collectors.toList());
    }
}
