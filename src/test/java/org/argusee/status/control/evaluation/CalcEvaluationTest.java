package org.argusee.status.control.evaluation;

import static org.argusee.status.control.evaluation.ResultEvaluatorTest.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.Severity;
import org.junit.jupiter.api.Test;

/** calc through the evaluator, with the state threaded from probe to probe as the scheduler will. */
class CalcEvaluationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration ELAPSED = Duration.ofMillis(250);

    /** Feeds values at 60 s intervals and returns the verdicts. */
    private static Verdict[] run(Map<String, String> params, String... values) {
        Verdict[] out = new Verdict[values.length];
        EvalState state = EvalState.EMPTY;
        for (int i = 0; i < values.length; i++) {
            out[i] = ResultEvaluator.evaluate(params, Reply.ok(values[i], ELAPSED), state, T0.plusSeconds(60L * i));
            state = out[i].next();
        }
        return out;
    }

    @Test
    void firstRateSampleGivesNoResultAndChangesNothing() {
        Verdict first = run(params("calc", "rate", "maxvalue", "1"), "1000")[0];
        assertTrue(first.pending());
        assertTrue(first.up());
        assertNull(first.result());
        assertTrue(first.reason().contains("first sample for rate"), first.reason());
        assertEquals(1000.0, first.next().lastValue());
        assertEquals(T0, first.next().lastTime());
        assertTrue(first.check().pending());
    }

    @Test
    void rateIsChangePerSecond() {
        Verdict[] v = run(params("calc", "rate"), "1000", "7000", "7600");
        assertEquals("100", v[1].result());
        assertEquals(100.0, v[1].number());
        assertEquals("10", v[2].result());
        assertFalse(v[2].pending());
    }

    @Test
    void rateFeedsTheTests() {
        Verdict[] v = run(params("calc", "rate", "maxvalue.major", "50"), "0", "6000");
        assertFalse(v[1].up());
        assertEquals(Severity.MAJOR, v[1].severity());
        assertEquals("more than max (100 > 50)", v[1].reason());
    }

    @Test
    void deltaIsTheDifference() {
        Verdict[] v = run(params("calc", "delta"), "10", "25", "25");
        assertTrue(v[0].pending());
        assertTrue(v[0].reason().contains("first sample for delta"), v[0].reason());
        assertEquals("15", v[1].result());
        assertEquals("0", v[2].result());
    }

    @Test
    void thirtyTwoBitCounterWrapIsCountedModulo() {
        Verdict[] v = run(params("calc", "delta"), "4294967000", "100");
        assertEquals("396", v[1].result());
    }

    @Test
    void counterGoingDownFromLowIsAResetWithNoResult() {
        Verdict[] v = run(params("calc", "delta"), "1000", "1100", "50", "80");
        assertEquals("100", v[1].result());
        assertTrue(v[2].pending());
        assertTrue(v[2].reason().contains("reset"), v[2].reason());
        assertNull(v[2].next().lastDelta());
        assertEquals("30", v[3].result());
    }

    @Test
    void hugeSpikeIsSuppressedOnceThenAccepted() {
        Verdict[] v = run(params("calc", "delta"), "0", "10", "5000", "10000");
        assertEquals("10", v[1].result());
        assertTrue(v[2].pending());
        assertTrue(v[2].reason().contains("spike"), v[2].reason());
        assertEquals("5000", v[3].result());
    }

    @Test
    void spikeSuppressionCanBeTurnedOff() {
        Verdict[] v = run(params("calc", "delta", "spike_supress", "0"), "0", "10", "5000");
        assertEquals("4990", v[2].result());
    }

    @Test
    void retestWithinASecondGivesNoResultAndKeepsTheState() {
        Map<String, String> p = params("calc", "rate");
        Verdict first = ResultEvaluator.evaluate(p, Reply.ok("10", ELAPSED), EvalState.EMPTY, T0);
        Verdict soon = ResultEvaluator.evaluate(p, Reply.ok("20", ELAPSED), first.next(), T0.plusMillis(500));
        assertTrue(soon.pending());
        assertSame(first.next(), soon.next());
    }

    @Test
    void rateOfTextIsDown() {
        Verdict v = run(params("calc", "rate"), "lots")[0];
        assertFalse(v.up());
        assertEquals("calc: value 'lots' is not a number", v.reason());
    }

    @Test
    void averageDecaysWithAlpha() {
        Verdict[] v = run(params("calc", "ave"), "10", "20", "20");
        assertEquals("10", v[0].result());
        assertEquals("15", v[1].result());
        assertEquals("17.5", v[2].result());
        Verdict[] slow = run(params("calc", "ave", "alpha", "3"), "10", "30");
        assertEquals("15", slow[1].result());
    }

    @Test
    void averageRestartsAfterALongGap() {
        Map<String, String> p = params("calc", "ave", "frequency", "1m");
        Verdict a = ResultEvaluator.evaluate(p, Reply.ok("10", ELAPSED), EvalState.EMPTY, T0);
        Verdict near = ResultEvaluator.evaluate(p, Reply.ok("20", ELAPSED), a.next(), T0.plusSeconds(180));
        assertEquals("15", near.result());
        Verdict far = ResultEvaluator.evaluate(p, Reply.ok("20", ELAPSED), a.next(), T0.plusSeconds(181));
        assertEquals("20", far.result());
    }

    @Test
    void jitterIsTheDistanceFromTheAverage() {
        Verdict[] v = run(params("calc", "jitter"), "10", "20", "20");
        assertEquals("0", v[0].result());
        assertEquals("5", v[1].result());
        assertEquals("2.5", v[2].result());
    }

    @Test
    void bitsMultipliesByEight() {
        assertEquals("80", run(params("calc", "bits"), "10")[0].result());
    }

    @Test
    void combinationsRunInTheOriginalsOrder() {
        // rate first (100/s, then 200/s), then the average (100, 150), then bits
        Verdict[] v = run(params("calc", "ave-rate-bits"), "0", "6000", "18000");
        assertTrue(v[0].pending());
        assertEquals("800", v[1].result());
        assertEquals("1200", v[2].result());
        Verdict[] spaced = run(params("calc", "bits, rate , ave"), "0", "6000", "18000");
        assertEquals("1200", spaced[2].result());
    }

    @Test
    void elapsedReplacesTheValueWithTheProbesTime() {
        Verdict v = run(params("calc", "elapsed", "maxvalue", "0.1"), "ignored")[0];
        assertEquals("0.25", v.result());
        assertFalse(v.up());
    }

    @Test
    void oneIsAlwaysOne() {
        assertEquals("1", run(params("calc", "one"), "whatever")[0].result());
    }

    @Test
    void md5OfText() {
        Verdict v = run(params("calc", "md5", "eqvalue", "900150983cd24fb0d6963f7d28e17f72"), "abc")[0];
        assertTrue(v.up(), v.toString());
        assertEquals("900150983cd24fb0d6963f7d28e17f72", v.result());
    }

    @Test
    void inetShowsAnAddress() {
        Verdict v = run(params("calc", "inet"), "3232235777")[0];
        assertEquals("192.168.1.1", v.result());
        assertNull(v.number());
    }

    @Test
    void fractionsKeepTheSignificantFigures() {
        assertEquals("3.3333333", run(params("calc", "ave", "alpha", "0"), "3.33333333333")[0].result());
        assertEquals("3.33", run(params("calc", "ave", "calc_sigfigs", "3"), "3.33333")[0].result());
        assertEquals("123456789", run(params("calc", "ave"), "123456789.5")[0].result());
    }

    @Test
    void unknownCalcWordsAreIgnored() {
        Verdict v = run(params("calc", "sparkle"), "abc")[0];
        assertTrue(v.up());
        assertEquals("abc", v.result());
    }
}
