package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;
import org.junit.jupiter.api.Test;

/** A slave keeps quiet about a state only when its master told that very state after the slave's own last word. */
class ToldBeforeTest {

    private static final Instant T1 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Telling DOWN_MAJOR = new Telling(Status.DOWN, Severity.MAJOR);
    private static final Telling UP = new Telling(Status.UP, Severity.CLEAR);

    @Test
    void theSameDownTheMasterToldIsNotToldAgain() {
        assertTrue(ToldBefore.byMaster(DOWN_MAJOR, "down", "major", T1, null));
        assertTrue(ToldBefore.byMaster(DOWN_MAJOR, "down", "major", T2, T1), "the master's is newer than ours");
    }

    @Test
    void anotherStateOrSeverityIsNews() {
        assertFalse(ToldBefore.byMaster(DOWN_MAJOR, "down", "critical", T1, null));
        assertFalse(ToldBefore.byMaster(DOWN_MAJOR, "up", "clear", T1, null));
        assertFalse(ToldBefore.byMaster(UP, "down", "major", T1, null), "the recovery the master did not see");
    }

    @Test
    void anUpIsAnUp() {
        assertTrue(ToldBefore.byMaster(UP, "up", "clear", T1, null));
    }

    @Test
    void whatThisServerToldSinceWins() {
        assertFalse(ToldBefore.byMaster(DOWN_MAJOR, "down", "major", T1, T2), "we told something after the master");
        assertFalse(ToldBefore.byMaster(DOWN_MAJOR, "down", "major", T1, T1));
    }
}
