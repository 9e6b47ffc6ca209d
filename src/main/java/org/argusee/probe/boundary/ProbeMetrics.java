package org.argusee.probe.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How well the scheduler keeps time: probes started, and the lag between a probe's planned start and its actual
 * start. The lag is a histogram (buckets, not a client-side percentile), so a reader can take percentiles over any
 * window from two scrapes; the benchmark does. Fixed buckets at 10, 50, 100 and 250 ms answer "how many were late".
 */
@ApplicationScoped
public class ProbeMetrics {

    @Inject
    MeterRegistry registry;

    private Counter started;
    private Timer lag;

    @PostConstruct
    void register() {
        started = Counter.builder("argus.probes.started")
                .description("Probes started by the scheduler")
                .register(registry);
        lag = Timer.builder("argus.probe.lag")
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
                .register(registry);
    }

    /** A probe starts now; it was planned for {@code plannedMillis} (epoch ms). */
    public void started(long plannedMillis) {
        started.increment();
        lag.record(Math.max(0, System.currentTimeMillis() - plannedMillis), TimeUnit.MILLISECONDS);
    }
}
