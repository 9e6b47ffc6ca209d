package org.argusee.status.control.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.argusee.probe.control.Reply;
import org.argusee.status.control.Severity;
import org.junit.jupiter.api.Test;

/** {@code maxdeviation[.severity]} through the evaluator: every result feeds the forecaster, then it is tested. */
class DeviationCheckTest {

    private static final long T0 = 1_000_000_123L;

    private static Verdict run(Map<String, String> params, int minutes, double lastExtra) {
        Forecast f = Forecast.start(ForecastSettings.from(params).orElseThrow(), T0);
        Verdict v = null;
        for (int i = 1; i <= minutes; i++) {
            double value = ForecastTest.series(i, 3600) + (i == minutes ? lastExtra : 0);
            v = ResultEvaluator.evaluate(
                    params,
                    Reply.ok(Double.toString(value), Duration.ofMillis(5)),
                    EvalState.EMPTY,
                    Instant.ofEpochSecond(T0 + 60L * i),
                    f);
            if (i < minutes) {
                assertTrue(v.up(), "minute " + i + ": " + v.reason());
            }
        }
        return v;
    }

    @Test
    void aValueFarFromTheForecastFailsWithItsSeverity() {
        Map<String, String> p = ResultEvaluatorTest.params("hwab_period", "1h", "maxdeviation.major", "2");
        Verdict v = run(p, 240, 50);
        assertFalse(v.up());
        assertEquals(Severity.MAJOR, v.severity());
        assertTrue(v.reason().startsWith("outside of predicted range (2.84 deviations"), v.reason());
    }

    @Test
    void aValueNearTheForecastPasses() {
        assertTrue(run(ResultEvaluatorTest.params("hwab_period", "1h", "maxdeviation", "2"), 240, 0)
                .up());
    }

    @Test
    void nothingIsTestedWhileTheFirstTwoPeriodsAreLearnt() {
        assertTrue(run(ResultEvaluatorTest.params("hwab_period", "1h", "maxdeviation", "0.01"), 110, 500)
                .up());
    }

    @Test
    void aDeviationOfZeroOrNoneMeansNoForecaster() {
        assertTrue(ForecastSettings.from(ResultEvaluatorTest.params("maxdeviation", "0"))
                .isEmpty());
        assertTrue(ForecastSettings.from(ResultEvaluatorTest.params("hwab_model", "m"))
                .isEmpty());
        ForecastSettings s = ForecastSettings.from(ResultEvaluatorTest.params(
                        "maxdeviation.warning", "3", "hwab_model", "Multiplicative", "hwab_alpha", "2"))
                .orElseThrow();
        assertTrue(s.multiplicative());
        assertEquals(ForecastSettings.DEFAULT_PERIOD, s.period());
        assertEquals(0.005, s.alpha(), "out of range: the default");
        ForecastSettings z = ForecastSettings.from(
                        ResultEvaluatorTest.params("maxdeviation", "3", "hwab_zeta", "2", "hwab_period", "5m"))
                .orElseThrow();
        assertEquals(2, z.zeta(), "zeta may exceed 1, as the checker allows");
        assertEquals(300, z.period(), "one window is a period");
        ForecastSettings huge = ForecastSettings.from(
                        ResultEvaluatorTest.params("maxdeviation", "3", "hwab_period", "4003992398018756285"))
                .orElseThrow();
        assertEquals(ForecastSettings.DEFAULT_PERIOD, huge.period(), "over a year (only by SQL): the default");
        assertEquals(1, Forecast.start(huge, 0).period() / ForecastSettings.DEFAULT_PERIOD, "and no huge slots");
        assertEquals(
                ForecastSettings.DEFAULT_PERIOD,
                ForecastSettings.from(ResultEvaluatorTest.params("maxdeviation", "3", "hwab_period", "299"))
                        .orElseThrow()
                        .period());
    }

    @Test
    void maxdeviationMakesTheServiceTested() {
        assertTrue(ValueChecks.tested(ResultEvaluatorTest.params("maxdeviation.minor", "3")));
        assertNull(ResultEvaluator.evaluate(
                        ResultEvaluatorTest.params("maxdeviation", "3"),
                        Reply.ok("", Duration.ZERO),
                        EvalState.EMPTY,
                        Instant.ofEpochSecond(T0))
                .reason());
    }
}
