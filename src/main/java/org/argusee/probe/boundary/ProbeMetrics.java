package org.argusee.probe.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.function.Supplier;
import org.argusee.platform.control.SteadyClock;

/**
 * How well the scheduler keeps time: probes started, and the lag between a probe's planned start and its actual
 * start. The lag is a histogram (buckets, not a client-side percentile), so a reader can take percentiles over any
 * window from two scrapes; the benchmark does. Fixed buckets at 10, 50, 100 and 250 ms answer "how many were late".
 * The lag is counted by {@link LagHistogram}, not a Micrometer timer, and read when scraped (issue 17, session 15).
 */
@ApplicationScoped
public class ProbeMetrics {

    @Inject
    MeterRegistry registry;

    private Counter started;
    private final LagHistogram lag = new LagHistogram();
    private volatile double turnsPerSecond;

    @PostConstruct
    void register() {
        started = Counter.builder("argus.probes.started")
                .description("Probes started by the scheduler")
                .register(registry);
        // the application's registry is Prometheus's (platform.control.Metrics): the lag is scraped with its meters
        ((PrometheusMeterRegistry) registry).getPrometheusRegistry().register(lag);
        // what the probes started should come to: a benchmark compares against it, not against its own services
        // only (other services on the server, such as a group an earlier run left behind, are probed too)
        Gauge.builder("argus.probes.planned", () -> turnsPerSecond)
                .description("Turns a second the schedule holds: the sum of 1/frequency over the scheduled services")
                .register(registry);
    }

    /**
     * This bean itself, not its client proxy: the scheduler counts every turn, and a call through the proxy looked
     * up the bean's context and made an interception stack each time (issue 17, session 14). No interceptors here.
     */
    Supplier<ProbeMetrics> instance() {
        ProbeMetrics self = this;
        return () -> self;
    }

    /** The schedule now holds these services (each with its interval in its turns). */
    void scheduled(Collection<Scheduled> services) {
        double sum = 0;
        for (Scheduled s : services) {
            sum += 1000.0 / s.turns().interval();
        }
        turnsPerSecond = sum;
    }

    /**
     * A probe starts now; it was planned for {@code plannedMillis} (ms of {@link SteadyClock#SYSTEM}, the
     * timetable's). On the tick's thread only.
     */
    public void started(long plannedMillis) {
        started.increment();
        long now = SteadyClock.SYSTEM.millis(); // the timetable's clock
        lag.record(Math.max(0, now - plannedMillis), now);
    }
}
