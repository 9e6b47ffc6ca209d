package org.argusee.status.control.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration ELAPSED = Duration.ofMillis(20);

    private static Verdict eval(String value, String... keyValues) {
        return ResultEvaluator.evaluate(params(keyValues), Reply.ok(value, ELAPSED), EvalState.EMPTY, NOW);
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static void assertDown(Verdict v, Severity severity, String reasonStart) {
        assertFalse(v.up(), "expected down: " + v);
        assertEquals(severity, v.severity(), v.toString());
        assertTrue(v.reason().startsWith(reasonStart), v.reason());
    }

    @Test
    void failedReplyIsDownWithItsReasonAndKeepsTheState() {
        EvalState state = new EvalState(5.0, NOW.minusSeconds(60), 1.0, null, null);
        Verdict v = ResultEvaluator.evaluate(
                params("severity", "major", "calc", "rate"), Reply.failed("connection refused", ELAPSED), state, NOW);
        assertDown(v, Severity.MAJOR, "connection refused");
        assertSame(state, v.next());
        assertNull(v.result());
    }

    /**
     * PostgreSQL's text holds no NUL: a raw NTP answer as the result stopped every status write of the server
     * (docs/parity.md, "Run beside Argus 3.7"). The value is still tested raw (unpack sees the zeros).
     */
    @Test
    void nulBytesOfABinaryAnswerAreNeitherInTheResultNorInTheReason() {
        String ntp = "\u001c\u0002\u0000\u0000";
        Verdict raw = eval(ntp);
        assertTrue(raw.up());
        assertEquals("\u001c\u0002\u2400\u2400", raw.result());
        assertEquals("2", eval(ntp, "unpack", "xC").result(), "unpacked from the raw bytes");
        Verdict down = eval(ntp, "maxvalue", "10");
        assertFalse(down.up());
        assertEquals(-1, down.reason().indexOf(0), down.reason());
        assertEquals(-1, down.result().indexOf(0), down.result());
    }

    @Test
    void withoutTestsAnyDataIsUp() {
        Verdict v = eval("220 mail ready");
        assertTrue(v.up());
        assertEquals(Severity.CLEAR, v.severity());
        assertEquals("220 mail ready", v.result());
    }

    @Test
    void withoutTestsNoValueMeansTheMonitorDecidedAndIsUp() {
        assertTrue(eval(null).up());
    }

    @Test
    void withoutTestsAnEmptyValueIsDown() {
        assertDown(eval(""), Severity.CRITICAL, "no data received");
        assertDown(eval("", "severity", "minor"), Severity.MINOR, "no data received");
    }

    @Test
    void resultIsNumberWhenItIsOne() {
        Verdict v = eval(" 42 ");
        assertEquals(42.0, v.number());
        assertNull(eval("abc").number());
    }

    @Test
    void pluckTakesGroupOne() {
        Verdict v = eval("/dev/sda1  100G  73G  27G  73% /", "pluck", "\\s+(\\d+)%");
        assertTrue(v.up());
        assertEquals("73", v.result());
        assertEquals(73.0, v.number());
    }

    @Test
    void pluckWithoutGroupTakesTheWholeMatch() {
        assertEquals("73%", eval("used 73% now", "pluck", "\\d+%").result());
    }

    @Test
    void pluckSpansLinesAsPerlsSFlag() {
        assertEquals("b", eval("a\nb", "pluck", "a.(b)").result());
    }

    @Test
    void pluckWithoutMatchIsDown() {
        assertDown(eval("nothing here", "pluck", "(\\d+)%", "severity", "warning"), Severity.WARNING, "pluck failed");
    }

    @Test
    void pluckWithBadRegexIsDownNotAnException() {
        Verdict v = eval("x", "pluck", "(\\d+");
        assertDown(v, Severity.CRITICAL, "bad pluck regex '(\\d+'");
    }

    @Test
    void scaleDivides() {
        assertEquals("2.5", eval("10", "scale", "4").result());
        assertEquals("3", eval("12", "scale", "4").result());
        assertEquals("0.333333333333333", eval("1", "scale", "3").result());
    }

    @Test
    void scaleOfZeroIsIgnoredAsInTheOriginal() {
        Verdict v = eval("10", "scale", "0");
        assertTrue(v.up());
        assertEquals("10", v.result());
    }

    @Test
    void scaleOfTextIsDown() {
        assertDown(eval("ten", "scale", "4"), Severity.CRITICAL, "scale: value 'ten' is not a number");
        assertDown(eval("10", "scale", "four"), Severity.CRITICAL, "bad scale 'four'");
    }

    @Test
    void pluckThenScaleThenTest() {
        Verdict v = eval("offset 2000 ms", "pluck", "offset (\\d+)", "scale", "1000", "maxvalue", "1");
        assertDown(v, Severity.CRITICAL, "more than max (2 > 1)");
        assertEquals("2", v.result());
    }

    @Test
    void expectFindsAnywhere() {
        assertTrue(eval("HTTP/1.1 200 OK", "expect", "200").up());
        assertDown(
                eval("HTTP/1.1 500 Error", "expect", "^HTTP/1\\.. 200"),
                Severity.CRITICAL,
                "did not match expected regex");
    }

    @Test
    void nexpectMustNotMatch() {
        assertTrue(eval("all fine", "nexpect", "ERROR").up());
        assertDown(eval("1 ERROR", "nexpect", "ERROR"), Severity.CRITICAL, "matched unexpected regex");
    }

    @Test
    void badExpectRegexIsDownWithTheServiceSeverity() {
        Verdict v = eval("x", "expect.warning", "[a-", "severity", "major");
        assertDown(v, Severity.MAJOR, "bad expect.warning regex '[a-'");
    }

    @ParameterizedTest
    @CsvSource({
        "minvalue, 5, 4, false, less than min (4 < 5)",
        "minvalue, 5, 5, true, ''",
        "maxvalue, 5, 6, false, more than max (6 > 5)",
        "maxvalue, 5, 5, true, ''",
        "maxvalue, -1, -2, true, ''",
        "eqvalue, 1, 1.0, true, ''",
        "eqvalue, 1, 2, false, not equal (2 != 1)",
        "nevalue, 0, 0.0, false, equal (0.0 == 0)",
        "nevalue, 0, 1, true, ''",
        "eqvalue, running, running, true, ''",
        "eqvalue, running, stopped, false, not equal (stopped != running)",
        "nevalue, stopped, stopped, false, equal (stopped == stopped)",
    })
    void valueTests(String test, String limit, String value, boolean up, String reason) {
        Verdict v = eval(value, test, limit);
        assertEquals(up, v.up(), v.toString());
        if (!up) {
            assertEquals(reason, v.reason());
            assertEquals(Severity.CRITICAL, v.severity());
        }
    }

    @Test
    void numericTestOnTextIsDownWithAClearReason() {
        Verdict v = eval("n/a", "maxvalue.minor", "10");
        assertDown(v, Severity.MINOR, "value 'n/a' is not a number (maxvalue.minor 10)");
    }

    @Test
    void badLimitIsDownAndNamed() {
        assertDown(eval("5", "minvalue", "five"), Severity.CRITICAL, "bad minvalue 'five': not a number");
    }

    @Test
    void variantGivesItsSeverity() {
        assertDown(eval("95", "maxvalue.warning", "80"), Severity.WARNING, "more than max");
        assertDown(eval("95", "maxvalue.major", "90"), Severity.MAJOR, "more than max");
    }

    @Test
    void worstFailingSeverityWins() {
        Map<String, String> p = params(
                "maxvalue.warning", "80", "maxvalue.minor", "85", "maxvalue.critical", "99", "expect.major", "^\\d+$");
        Reply r = Reply.ok("90", ELAPSED);
        assertEquals(
                Severity.MINOR,
                ResultEvaluator.evaluate(p, r, EvalState.EMPTY, NOW).severity());
        p.put("maxvalue.critical", "89");
        assertEquals(
                Severity.CRITICAL,
                ResultEvaluator.evaluate(p, r, EvalState.EMPTY, NOW).severity());
        assertTrue(ResultEvaluator.evaluate(p, Reply.ok("70", ELAPSED), EvalState.EMPTY, NOW)
                .up());
    }

    @Test
    void plainFormUsesTheServiceSeverity() {
        assertDown(eval("9", "maxvalue", "5"), Severity.CRITICAL, "more than max");
        assertDown(eval("9", "maxvalue", "5", "severity", "minor"), Severity.MINOR, "more than max");
    }

    @Test
    void variantOfTheServiceSeverityReplacesThePlainForm() {
        assertTrue(eval("9", "maxvalue", "5", "maxvalue.critical", "10").up());
        assertTrue(eval("9", "maxvalue", "5", "severity", "major", "maxvalue.major", "10")
                .up());
        assertDown(eval("9", "maxvalue", "5", "maxvalue.major", "10"), Severity.CRITICAL, "more than max");
    }

    @Test
    void plainFormIsNotTestedWithSeverityClearAsInTheOriginal() {
        assertTrue(eval("9", "maxvalue", "5", "severity", "clear").up());
    }

    @Test
    void badSeverityParameterMeansCritical() {
        assertDown(eval("9", "maxvalue", "5", "severity", "awful"), Severity.CRITICAL, "more than max");
    }

    @Test
    void invertStatusSwapsUpAndDown() {
        Verdict down = eval("HTTP/1.1 200 OK", "expect", "200", "invert_status", "yes", "severity", "major");
        assertDown(down, Severity.MAJOR, "status inverted");
        assertTrue(down.inverted());
        Verdict up = eval("HTTP/1.1 500", "expect", "200", "invert_status", "yes");
        assertTrue(up.up());
        assertEquals(Severity.CLEAR, up.severity());
        assertTrue(up.reason().startsWith("status inverted: did not match"), up.reason());
        Verdict failedProbe = ResultEvaluator.evaluate(
                params("invert_status", "on"), Reply.failed("timeout", ELAPSED), EvalState.EMPTY, NOW);
        assertTrue(failedProbe.up());
        assertFalse(eval("x", "invert_status", "no").inverted());
    }

    @Test
    void checkCarriesWhatTheStatusMachineNeeds() {
        Verdict v = eval("9", "maxvalue.minor", "5");
        assertEquals(
                new org.argusee.status.control.CheckResult(false, Severity.MINOR, v.reason(), false, false), v.check());
    }

    @Test
    void aPassingConnectWithNothingToTestIsOneSharedVerdictWhoseCheckPasses() {
        Verdict v = eval(null);
        assertSame(v, eval(null));
        assertEquals(new Verdict(true, Severity.CLEAR, null, null, null, EvalState.EMPTY, false, false), v);
        assertSame(org.argusee.status.control.CheckResult.passed(), v.check());
        Verdict banner = eval("220 ready");
        assertEquals("220 ready", banner.result());
        assertEquals(banner.check(), v.check());
        Verdict inverted = eval(null, "invert_status", "yes");
        assertFalse(inverted.check().up());
        assertTrue(inverted.check().inverted());
    }
}
