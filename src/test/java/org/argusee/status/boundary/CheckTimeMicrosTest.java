package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The once-a-minute store writes check times as microseconds since the epoch; they must round as the driver rounds
 * a {@code Timestamp} for the status rows (half up, into the next second at the top), so both store one time.
 */
class CheckTimeMicrosTest {

    @Test
    void wholeMicrosecondsAreKept() {
        assertEquals(1_765_000_000_123_456L, StatusStore.micros(Instant.ofEpochSecond(1_765_000_000L, 123_456_000)));
    }

    @Test
    void nanosecondsRoundHalfUp() {
        assertEquals(1_765_000_000_123_456L, StatusStore.micros(Instant.ofEpochSecond(1_765_000_000L, 123_456_499)));
        assertEquals(1_765_000_000_123_457L, StatusStore.micros(Instant.ofEpochSecond(1_765_000_000L, 123_456_500)));
    }

    @Test
    void theLastHalfMicrosecondRoundsIntoTheNextSecond() {
        assertEquals(1_765_000_001_000_000L, StatusStore.micros(Instant.ofEpochSecond(1_765_000_000L, 999_999_500)));
    }

    @Test
    void beforeTheEpoch() {
        assertEquals(-999_999L, StatusStore.micros(Instant.ofEpochSecond(-1, 1_000)));
        assertEquals(0L, StatusStore.micros(Instant.EPOCH));
    }
}
