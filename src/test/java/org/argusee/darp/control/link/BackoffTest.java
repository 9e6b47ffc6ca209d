package org.argusee.darp.control.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumWithJitterAndResets() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(7));
        long[] bases = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (long base : bases) {
            long ms = b.next().toMillis();
            assertTrue(ms >= base * 0.8 && ms <= base * 1.2, ms + " not within 20 % of " + base);
        }
        b.reset();
        long ms = b.next().toMillis();
        assertTrue(ms >= 800 && ms <= 1200, ms + " after reset");
    }
}
