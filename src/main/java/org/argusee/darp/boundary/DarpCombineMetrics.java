package org.argusee.darp.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * On a master, how long a slave's report takes to show in the combined status: from the report's {@code at} (the
 * slave's time of the result, stamped before the slave stores and sends it) to the moment the master applies the
 * change of the combined status in memory. Recorded only for reports that change the combined status; a report that
 * changes nothing is counted apart. Both servers' clocks are compared, so the figure means something only where they
 * agree (one machine, as in the benchmark). A histogram, as the probe lag: percentiles over any window from two
 * scrapes ({@code argus_darp_report_combine_seconds_bucket}). A second histogram,
 * {@code argus_darp_intake_combine_seconds}, is the master's own part: from the moment it began to store the
 * message to the same change (no clocks compared).
 */
@ApplicationScoped
public class DarpCombineMetrics {

    @Inject
    MeterRegistry registry;

    private Timer combine;
    private Timer intake;
    private Counter unchanged;
    private Counter refused;

    @PostConstruct
    void register() {
        combine = Timer.builder("argus.darp.report.combine")
                .description("Slave report's time (at) to the master's combined status change, in memory")
                .publishPercentileHistogram()
                .serviceLevelObjectives(
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        intake = Timer.builder("argus.darp.intake.combine")
                .description("The master's part: a slave's message received to the combined status change, in memory")
                .publishPercentileHistogram()
                .serviceLevelObjectives(
                        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        unchanged = Counter.builder("argus.darp.reports.unchanged")
                .description("Slave reports applied that left the combined status as it was")
                .register(registry);
        refused = Counter.builder("argus.darp.reports.refused")
                .description("Slave report items naming an object that slave is not served: not stored")
                .register(registry);
    }

    /**
     * A report made at {@code reportAt} on its slave, whose message the master began to store at {@code received},
     * has just changed the combined status.
     */
    public void changedCombined(Instant reportAt, Instant received) {
        Instant now = Instant.now();
        combine.record(nonNegative(Duration.between(reportAt, now)));
        intake.record(nonNegative(Duration.between(received, now)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Report items refused: they named objects the slave is not served. */
    public void refusedReports(int items) {
        refused.increment(items);
    }

    /** A report was applied and the combined status stayed as it was. */
    public void leftCombined() {
        unchanged.increment();
    }
}
