package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverrideDisplayTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserOverride MANUAL =
            new UserOverride("bob", "maintenance", T0, T0.plusSeconds(3600), OverrideMode.MANUAL, "TKT-1", false);
    private static final UserOverride AUTO = new UserOverride("ann", "known", T0, null, OverrideMode.AUTO, null, true);

    @Test
    void overrideNeedsAUser() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UserOverride(" ", "x", T0, null, OverrideMode.MANUAL, null, false));
    }

    @Test
    void expiresAtItsTime() {
        assertTrue(MANUAL.activeAt(T0.plusSeconds(3599)));
        assertTrue(MANUAL.expiredAt(T0.plusSeconds(3600)));
        assertEquals(Optional.of("expired"), MANUAL.endsAt(Status.DOWN, Status.DOWN, T0.plusSeconds(3600)));
        assertFalse(AUTO.expiredAt(T0.plusSeconds(365L * 86400)), "no expiry: never");
    }

    @Test
    void autoOverrideEndsWhenTheObjectComesBackUpManualDoesNot() {
        assertEquals(Optional.of("object is up"), AUTO.endsAt(Status.DOWN, Status.UP, T0));
        assertTrue(AUTO.endsAt(Status.DOWN, Status.DOWN, T0).isEmpty());
        assertTrue(AUTO.endsAt(Status.UP, Status.UP, T0).isEmpty(), "set ahead of work on an object still up");
        assertTrue(MANUAL.endsAt(Status.DOWN, Status.UP, T0).isEmpty());
    }

    @Test
    void modeLabels() {
        assertEquals(OverrideMode.AUTO, OverrideMode.fromLabel(" Auto "));
        assertEquals("manual", OverrideMode.MANUAL.label());
    }

    @Test
    void upShowsUpWhateverElseHolds() {
        DisplayStatus d = DisplayStatus.of(Status.UP, Severity.CLEAR, MANUAL, List.of("Top:DNS"), T0);
        assertEquals(new DisplayStatus(DisplayState.UP, Severity.CLEAR, null), d);
    }

    @Test
    void downShowsDownWithItsSeverity() {
        DisplayStatus d = DisplayStatus.of(Status.DOWN, Severity.MAJOR, null, List.of(), T0);
        assertEquals(new DisplayStatus(DisplayState.DOWN, Severity.MAJOR, null), d);
    }

    @Test
    void overriddenDownShowsOverrideClearUntilItExpires() {
        assertEquals(
                new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null),
                DisplayStatus.of(Status.DOWN, Severity.MAJOR, MANUAL, List.of(), T0.plusSeconds(10)));
        assertEquals(
                DisplayState.DOWN,
                DisplayStatus.of(Status.DOWN, Severity.MAJOR, MANUAL, List.of(), T0.plusSeconds(3600))
                        .state());
    }

    @Test
    void downWhileADependencyIsNotUpShowsDependsWarning() {
        DisplayStatus d =
                DisplayStatus.of(Status.DOWN, Severity.CRITICAL, null, List.of("Top:Net:Router", "Top:B"), T0);
        assertEquals(new DisplayStatus(DisplayState.DEPENDS, Severity.WARNING, "Top:Net:Router"), d);
    }

    @Test
    void overrideGoesBeforeDepends() {
        assertEquals(
                DisplayState.OVERRIDE,
                DisplayStatus.of(Status.DOWN, Severity.CRITICAL, AUTO, List.of("Top:A"), T0)
                        .state());
    }

    @Test
    void fromServiceStatus() {
        ServiceStatus s = new ServiceStatus(Status.DOWN, 3, Severity.MINOR, T0, "timeout");
        assertEquals(
                new DisplayStatus(DisplayState.DOWN, Severity.MINOR, null), DisplayStatus.of(s, null, List.of(), T0));
    }

    @Test
    void upServiceStatusMustBeClear() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceStatus(Status.UP, 0, Severity.MAJOR, T0, null));
    }
}
