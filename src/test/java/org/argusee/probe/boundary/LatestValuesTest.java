package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.argusee.probe.control.Reply;
import org.junit.jupiter.api.Test;

class LatestValuesTest {

    private final LatestValues latest = new LatestValues();

    @Test
    void keepsTheLastValueOfEachService() {
        latest.record("Top:A", Reply.ok("1", Duration.ZERO));
        latest.record("Top:A", Reply.ok("2", Duration.ZERO));
        latest.record("Top:B", Reply.ok("7", Duration.ZERO));
        assertEquals(Optional.of("2"), latest.valueOf("Top:A"));
        assertEquals(Optional.of("7"), latest.valueOf("Top:B"));
        assertEquals(Optional.empty(), latest.valueOf("Top:C"));
    }

    @Test
    void aFailedProbeOrOneWithoutValueLeavesNoValue() {
        latest.record("Top:A", Reply.ok("1", Duration.ZERO));
        latest.record("Top:A", Reply.failed("timeout", Duration.ZERO));
        assertEquals(Optional.empty(), latest.valueOf("Top:A"));
        latest.record("Top:B", Reply.ok("1", Duration.ZERO));
        latest.record("Top:B", Reply.ok(null, Duration.ZERO));
        assertEquals(Optional.empty(), latest.valueOf("Top:B"));
    }

    @Test
    void aForgottenServiceHasNoValueAndEveryReplyCounts() {
        latest.record("Top:A", Reply.ok("1", Duration.ZERO));
        latest.record("Top:B", Reply.failed("refused", Duration.ZERO));
        latest.forget("Top:A");
        assertEquals(Optional.empty(), latest.valueOf("Top:A"));
        assertEquals(2, latest.tested());
    }
}
