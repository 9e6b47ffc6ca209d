package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** %E and %C as the original's transmit gives them (seen beside argusd 3.7: bench/notify-beside-argus37.sh). */
class RetellingTest {

    @Test
    void theFirstMessageHasNoTagAndWasNeverSentBefore() {
        assertEquals("", Retelling.extra(0, null, false));
        assertEquals(0, Retelling.sentBefore(0, null, 0));
    }

    @Test
    void aRenotifyIsResentAndCountsTheRoundsBefore() {
        assertEquals(" RESENT", Retelling.extra(2, null, false));
        assertEquals(2, Retelling.sentBefore(2, null, 2));
    }

    @Test
    void anEscalationCountsTheFirstMessageAndTheRenotifiesSoFar() {
        assertEquals(" ESCALATED", Retelling.extra(0, " ESCALATED", true));
        assertEquals(1, Retelling.sentBefore(0, " ESCALATED", 0));
        assertEquals(2, Retelling.sentBefore(0, " ESCALATED", 1));
    }

    @Test
    void onceEscalatedEveryRenotifySaysResentEscalated() {
        // 3.7: $extra .= " $tag" (RESENT), then " ESCALATED" if $me->{escalated}, for every destination
        assertEquals(" RESENT ESCALATED", Retelling.extra(1, null, true));
        assertEquals(" RESENT ESCALATED", Retelling.extra(1, " ESCALATED", true));
    }
}
