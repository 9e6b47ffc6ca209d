package org.argusee.notify.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConditionalsTest {

    @Test
    void eachKindOfConditionAsTheOriginal() {
        assertEquals("URGENT x", Conditionals.expand("%(critical=critical?URGENT :)x"));
        assertEquals("x", Conditionals.expand("%(minor=critical?URGENT :)x"));
        assertEquals("not equal", Conditionals.expand("%(a!=b?not equal:equal)"));
        assertEquals("equal", Conditionals.expand("%(a!=a?not equal:equal)"));
        assertEquals("found", Conditionals.expand("%(Top:web:HTTP~^Top:w?found:missing)"));
        assertEquals("missing", Conditionals.expand("%(Top:db!~d?found:missing)"));
        assertEquals("yes|no|no", Conditionals.expand("%(x?yes:no)|%(0?yes:no)|%(?yes:no)"));
        assertEquals("", Conditionals.expand("%(x)"), "no branches: nothing");
        assertEquals("a?b", Conditionals.expand("%(1?a\\?b:c)"), "escaped ? and : are text");
        assertEquals("missing", Conditionals.expand("%(abc~[?found:missing)"), "a bad expression matches nothing");
        assertEquals("100% sure", Conditionals.expand("100% sure"));
    }

    @Test
    void appliedAfterThePercentSequencesOfAMessage() {
        MessageText.Facts facts = new MessageText.Facts(
                7, "Top:web", "down", "critical", null, "refused", Instant.EPOCH, "m1", ZoneOffset.UTC);
        assertEquals("URGENT Top:web refused", MessageText.message("%(%y=critical?URGENT :)%m", "%o %r", facts, null));
        assertEquals(
                "Top:web refused",
                MessageText.message(
                        "%(%y=critical?URGENT :)%m",
                        "%o %r",
                        new MessageText.Facts(
                                7, "Top:web", "down", "minor", null, "refused", Instant.EPOCH, "m1", ZoneOffset.UTC),
                        null));
    }
}
