package org.argusee.darp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.argusee.platform.control.ArgusException;
import org.junit.jupiter.api.Test;

class PeerVersionTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456Z");

    @Test
    void theEtagRoundTrips() {
        assertEquals("\"2026-12-06T10:15:30.123456Z\"", PeerVersion.etag(AT));
        assertEquals(Optional.of(AT), PeerVersion.parse(PeerVersion.etag(AT)));
        assertEquals(Optional.of(AT), PeerVersion.parse("W/" + PeerVersion.etag(AT)));
        assertEquals(Optional.of(AT), PeerVersion.parse("2026-12-06T10:15:30.123456Z"));
    }

    @Test
    void noHeaderOrAStarMeansAnyVersion() {
        assertTrue(PeerVersion.parse(null).isEmpty());
        assertTrue(PeerVersion.parse(" ").isEmpty());
        assertTrue(PeerVersion.parse("*").isEmpty());
        PeerVersion.check("s1", AT, Optional.empty());
    }

    @Test
    void aBadHeaderNamesItself() {
        ArgusException.Invalid e = assertThrows(ArgusException.Invalid.class, () -> PeerVersion.parse("\"v1\""));
        assertEquals("If-Match", e.errors().get(0).field());
    }

    @Test
    void aStaleVersionIsRefusedOnUpdatedAt() {
        PeerVersion.check("s1", AT, Optional.of(AT));
        ArgusException.Stale e = assertThrows(
                ArgusException.Stale.class, () -> PeerVersion.check("s1", AT, Optional.of(AT.minusMillis(1))));
        assertEquals("updatedAt", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("changed by someone else"), e.getMessage());
    }
}
