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

    @Test
    void aThrottledLoginWaitsOutItsRetryAfter() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(3));
        for (int i = 0; i < 20; i++) {
            long ms = b.after(new LinkFailure.Throttled("429", Duration.ofSeconds(55)))
                    .toMillis();
            assertTrue(ms >= 55_000 && ms <= 66_000, ms + " ms: never before Retry-After, at most 20 % after");
        }
    }

    @Test
    void aRefusedLoginWaitsLongEnoughToStayUnderTheMastersDefaultRateLimit() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(5));
        long total = 0;
        for (int i = 0; i < 5; i++) {
            long ms = b.after(new java.util.concurrent.CompletionException(new LinkFailure.Unauthorized("401")))
                    .toMillis();
            assertTrue(ms >= 16_000 && ms <= 24_000, ms + " ms after a refusal");
            total += ms;
        }
        // 5 failures in 60 s trip the master's default limit: 5 refused attempts span more than 60 s
        assertTrue(total - 24_000 > 60_000 || total > 4 * 16_000, "4 waits of at least 16 s: " + total);
        long ms = b.after(new LinkFailure("connection refused")).toMillis();
        assertTrue(ms <= 12_000, ms + " ms: any other failure keeps the plain backoff");
        ms = b.after(new LinkFailure.Replaced("4409")).toMillis();
        assertTrue(ms >= 16_000 && ms <= 24_000, ms + " ms after the stream was taken by a server with the same tag");
    }

    @Test
    void retryAfterIsReadInSecondsAndDefaultsToTheWindow() {
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofSeconds(55), LinkFailure.Throttled.seconds("55"));
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofSeconds(60), LinkFailure.Throttled.seconds(null));
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofSeconds(60), LinkFailure.Throttled.seconds("soon"));
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofSeconds(1), LinkFailure.Throttled.seconds("0"));
    }
}
