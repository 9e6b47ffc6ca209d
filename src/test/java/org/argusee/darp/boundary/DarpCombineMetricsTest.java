package org.argusee.darp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DarpCombineMetricsTest {

    SimpleMeterRegistry registry;
    DarpCombineMetrics metrics;

    @BeforeEach
    void registered() {
        registry = new SimpleMeterRegistry();
        metrics = new DarpCombineMetrics();
        metrics.registry = registry;
        metrics.register();
    }

    @Test
    void recordsFromTheReportsTimeToNow() {
        metrics.changedCombined(Instant.now().minusMillis(300), Instant.now().minusMillis(100));
        Timer timer = registry.get("argus.darp.report.combine").timer();
        assertEquals(1, timer.count());
        assertTrue(timer.totalTime(TimeUnit.MILLISECONDS) >= 300, "at least the 300 ms since the report");
        Timer intake = registry.get("argus.darp.intake.combine").timer();
        assertEquals(1, intake.count());
        double took = intake.totalTime(TimeUnit.MILLISECONDS);
        assertTrue(took >= 100 && took < 300, "from the message's receipt, not the report's time: " + took);
    }

    @Test
    void aReportStampedAheadOfTheMastersClockCountsAsNoDelay() {
        metrics.changedCombined(Instant.now().plusSeconds(5), Instant.now().plusSeconds(5));
        assertEquals(0, registry.get("argus.darp.report.combine").timer().totalTime(TimeUnit.MILLISECONDS));
    }

    @Test
    void reportsThatChangeNothingAreCountedApart() {
        metrics.leftCombined();
        metrics.leftCombined();
        assertEquals(2, registry.get("argus.darp.reports.unchanged").counter().count());
        assertEquals(0, registry.get("argus.darp.report.combine").timer().count());
    }
}
