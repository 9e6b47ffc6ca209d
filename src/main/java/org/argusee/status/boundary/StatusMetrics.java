package org.argusee.status.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Status changes as they are committed (an {@code AFTER_SUCCESS} observer like every other consumer of
 * {@link StatusChanged}), and the writer's batches: how many, how long, how many rows, which is what shows that
 * thousands of probes a second make a few transactions a second.
 */
@ApplicationScoped
public class StatusMetrics {

    @Inject
    MeterRegistry registry;

    /** Rows waiting in the status writer's queue; a gauge holds its object weakly, so this bean keeps it. */
    private final AtomicInteger queued = new AtomicInteger();

    /**
     * Registered once: a builder's {@code register} at every writer round looked the meter up by name and tags
     * again (a few per cent of the writer thread's samples, issue 17).
     */
    private Timer batches;

    private Counter batchRows;
    private final Map<String, Counter> changes = new ConcurrentHashMap<>();

    @PostConstruct
    void gauges() {
        Gauge.builder("argus_status_queue_rows", queued, Number::doubleValue)
                .description("Rows the status writer holds until the database stores them")
                .register(registry);
        batches = Timer.builder("argus_status_batches")
                .description("Transactions of the status writer")
                .register(registry);
        batchRows = Counter.builder("argus_status_batch_rows")
                .description("Rows the status writer stored")
                .register(registry);
    }

    /** The status writer's queue now holds this many rows. */
    void queued(int rows) {
        queued.set(rows);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        String shown = change.shown() == null
                ? StatusView.UNKNOWN_LABEL
                : change.shown().state().label();
        changes.computeIfAbsent(shown, s -> Counter.builder("argus_status_changes")
                        .description("Status changes stored and announced, by what the object shows now")
                        .tag("shown", s)
                        .register(registry))
                .increment();
    }

    /** Rows the full write queue dropped (docs/reliability.md, "Database outage"). */
    void dropped(long rows) {
        Counter.builder("argus_status_queue_dropped")
                .description("Rows the status writer's full queue dropped while the database was away")
                .register(registry)
                .increment(rows);
    }

    /** Rows the database refused for what they hold, set aside by the writer (RefusedRows). */
    void refused(long rows) {
        Counter.builder("argus_status_rows_refused")
                .description("Status rows the database refused for what they hold, set aside so the rest is stored")
                .register(registry)
                .increment(rows);
    }

    void batch(Duration took, int rows) {
        batches.record(took);
        batchRows.increment(rows);
    }
}
