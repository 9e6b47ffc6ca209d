package org.argusee.status.control.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.argusee.probe.control.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Perl's scalar unpack on one-byte-per-character data; expectations as perl -e 'print scalar unpack(...)' gives. */
class UnpackTest {

    /** Bytes 01 02 03 04 05 06 07 08 f0 ff 'a' 'b' ' ' 00. */
    private static final String DATA = "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u00f0\u00ffab \u0000";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "C|1",
                "x8 C|240",
                "x8 c|-16",
                "n|258",
                "N|16909060",
                "v|513",
                "V|67305985",
                "x4 N|84281096",
                "x8 n|61695",
                "N2|16909060",
                "H4|0102",
                "H3|010",
                "x9 H*|ff616220" + "00",
                "x10 a2|ab",
                "x10 A*|ab",
                "x10a3|'ab '",
            })
    void templates(String template, String expected) {
        assertEquals(expected, Unpack.first(template, DATA));
    }

    @Test
    void problemsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Unpack.first("x12 N", DATA))
                .getMessage()
                .contains("N needs 4 bytes at offset 12"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Unpack.first("w", DATA))
                .getMessage()
                .contains("letter 'w' is not supported"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Unpack.first("x20 C", DATA))
                .getMessage()
                .contains("past the end"));
    }

    @Test
    void theEvaluatorUnpacksAfterPluckAndBeforeScale() {
        String reply = "\u0000\u0000\u0001\u0000";
        Verdict v = ResultEvaluator.evaluate(
                ResultEvaluatorTest.params("unpack", "N", "scale", "256", "minvalue", "2"),
                Reply.ok(reply, Duration.ZERO),
                EvalState.EMPTY,
                Instant.EPOCH);
        assertFalse(v.up());
        assertEquals("1", v.result());
        Verdict bad = ResultEvaluator.evaluate(
                ResultEvaluatorTest.params("unpack", "N"),
                Reply.ok("ab", Duration.ZERO),
                EvalState.EMPTY,
                Instant.EPOCH);
        assertFalse(bad.up());
        assertTrue(bad.reason().contains("needs 4 bytes"), bad.reason());
    }

    @Test
    void perlexprAloneDoesNotMakeAServiceTested() {
        assertFalse(ValueChecks.tested(ResultEvaluatorTest.params("perlexpr", "$value * 2")));
    }
}
