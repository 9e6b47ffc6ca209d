package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatestValuesTest {

    private final LatestValues latest = new LatestValues();

    @Test
    void everyReplyCounts() {
        latest.replied();
        latest.replied();
        assertEquals(2, latest.tested());
    }
}
