package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.argusee.status.control.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters registered once still count every batch and every change, by what the object shows. */
class StatusMetricsTest {

    SimpleMeterRegistry registry;
    StatusMetrics metrics;

    @BeforeEach
    void registered() {
        registry = new SimpleMeterRegistry();
        metrics = new StatusMetrics();
        metrics.registry = registry;
        metrics.gauges();
    }

    @Test
    void batchesAndTheirRowsAddUp() {
        metrics.batch(Duration.ofMillis(3), 5);
        metrics.batch(Duration.ofMillis(4), 7);
        assertEquals(2, registry.get("argus_status_batches").timer().count());
        assertEquals(12.0, registry.get("argus_status_batch_rows").counter().count());
    }

    @Test
    void changesAreCountedByWhatTheyShow() {
        metrics.changed(change(new DisplayStatus(DisplayState.DOWN, Severity.MAJOR, null)));
        metrics.changed(change(new DisplayStatus(DisplayState.DOWN, Severity.MINOR, null)));
        metrics.changed(change(new DisplayStatus(DisplayState.UP, Severity.CLEAR, null)));
        metrics.changed(change(null));
        assertEquals(
                2.0,
                registry.get("argus_status_changes")
                        .tag("shown", "down")
                        .counter()
                        .count());
        assertEquals(
                1.0,
                registry.get("argus_status_changes")
                        .tag("shown", "up")
                        .counter()
                        .count());
        assertEquals(
                1.0,
                registry.get("argus_status_changes")
                        .tag("shown", StatusView.UNKNOWN_LABEL)
                        .counter()
                        .count());
    }

    private static StatusChanged change(DisplayStatus shown) {
        Transition t = new Transition(Status.UP, Severity.CLEAR, Status.DOWN, Severity.MAJOR, "gone", Instant.now());
        return new StatusChanged(1, "Top:S", t, null, shown, false);
    }
}
