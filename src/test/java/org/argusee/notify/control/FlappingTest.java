package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlappingTest {

    @Test
    void toldOnceWhenTheLimitIsPassedThenQuiet() {
        Flapping f = new Flapping(4, 10);
        assertEquals(Flapping.Verdict.TELL, f.of(3, false));
        assertEquals(Flapping.Verdict.TELL_AS_FLAPPING, f.of(4, false));
        assertEquals(Flapping.Verdict.KEEP_QUIET, f.of(5, true));
        assertEquals(Flapping.Verdict.TELL, new Flapping(0, 10).of(100, false), "0: never flapping");
        assertTrue(f.prefix(4).startsWith("FLAPPING (5 changes in 10 min"), f.prefix(4));
    }
}
