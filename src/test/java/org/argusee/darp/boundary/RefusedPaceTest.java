package org.argusee.darp.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.argusee.darp.control.DarpSettings;
import org.argusee.darp.control.link.Backoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The defaults DarpPeerEditIT scales down (it divides the slave's wait after a refused login and the master's login
 * window by the same factor, so that it runs in seconds, not minutes): at the default wait, even 20 % early each
 * time, a refused slave stays under the master's default number of failed logins per window, and the setting's
 * default is {@link Backoff#REFUSED}.
 */
class RefusedPaceTest {

    @Test
    void aRefusedSlaveStaysUnderTheDefaultRateLimit() throws NoSuchFieldException {
        int refusedWait = defaultOf(DarpSettings.class, "masterRefusedWait");
        int maxFailures = defaultOf(DarpLogins.class, "maxFailures");
        int window = defaultOf(DarpLogins.class, "windowSeconds");
        assertEquals(Backoff.REFUSED, Duration.ofSeconds(refusedWait), "argus.darp.master.refused-wait's default");
        // attempts at least 0.8 * wait apart: a closed window of that many seconds holds at most window / gap + 1
        long mostInWindow = (long) Math.floor(window / (0.8 * refusedWait)) + 1;
        assertTrue(
                mostInWindow < maxFailures,
                mostInWindow + " refusals in " + window + " s, the master blocks at " + maxFailures);
    }

    private static int defaultOf(Class<?> type, String field) throws NoSuchFieldException {
        return Integer.parseInt(
                type.getDeclaredField(field).getAnnotation(ConfigProperty.class).defaultValue());
    }
}
