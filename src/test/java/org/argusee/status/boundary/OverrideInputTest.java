package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.FieldError;
import org.argusee.status.control.OverrideMode;
import org.argusee.status.control.UserOverride;
import org.junit.jupiter.api.Test;

class OverrideInputTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void defaultsToAutoWithoutExpiry() {
        UserOverride o = new OverrideInput(" disk full ", null, null, null, " ", null).toOverride("ann", NOW);
        assertEquals(new UserOverride("ann", "disk full", NOW, null, OverrideMode.AUTO, null, false), o);
    }

    @Test
    void expiryIsAnInstantOrAnArgusTime() {
        assertEquals(
                NOW.plusSeconds(5400),
                new OverrideInput("x", "manual", null, "1h30m", "T-9", true)
                        .toOverride("bob", NOW)
                        .expires());
        UserOverride at =
                new OverrideInput("x", "Manual", "2026-05-02T00:00:00Z", null, null, false).toOverride("bob", NOW);
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), at.expires());
        assertEquals(OverrideMode.MANUAL, at.mode());
        assertFalse(at.quiet());
    }

    @Test
    void everyFieldAtFaultIsNamed() {
        ArgusException.Invalid e = assertThrows(
                ArgusException.Invalid.class,
                () -> new OverrideInput("", "often", null, "soon", "t".repeat(201), null).toOverride("bob", NOW));
        assertEquals(
                List.of("text", "mode", "expiresIn", "ticket"),
                e.errors().stream().map(FieldError::field).toList());
        assertThrows(
                ArgusException.Invalid.class,
                () -> new OverrideInput("x", null, "2026-05-01T11:00:00Z", null, null, null).toOverride("bob", NOW));
        assertThrows(ArgusException.Invalid.class, () -> new OverrideInput("x", null, "tomorrow", null, null, null)
                .toOverride("bob", NOW));
        ArgusException.Invalid both = assertThrows(
                ArgusException.Invalid.class,
                () -> new OverrideInput("x", null, "2026-06-01T00:00:00Z", "1h", null, null).toOverride("bob", NOW));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        assertNull(new OverrideInput("x", null, null, null, null, null)
                .toOverride("bob", NOW)
                .ticket());
    }
}
