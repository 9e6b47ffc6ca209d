package org.argusee.status.control.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.StatusMachine;
import org.argusee.status.control.StatusStep;
import org.argusee.testsupport.Mutator;
import org.argusee.tree.control.BooleanValue;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the parameters parsed once ({@link ReplyRules}, kept by the status board per service) judge every reply
 * as reading them afresh at each probe does. Many random parameter maps (the keys the evaluator reads, values that
 * parse and values that do not, hostile ones from {@link Mutator}), each with a run of replies whose calc state,
 * forecast and status machine carry over, on both paths; verdicts, reasons, state and the machine's steps (retries,
 * retrydelay) must be equal, and so must the forecaster's settings and whether samples are kept. Deterministic: the seed is logged
 * by {@link Mutator#seed()} and maps are sorted ({@link TreeMap}).
 */
class ReplyRulesFuzzTest {

    record Reply(boolean ok, String value, String reason, Duration elapsed) implements RawResult {}

    private static final List<String> KEYS = keys();
    private static final List<String> VALUES = List.of(
            "",
            " ",
            "5",
            "10.5",
            "-3",
            "0",
            "1e3",
            "abc",
            "(\\d+)",
            "[",
            "(",
            "a*",
            "up|down",
            "critical",
            "major",
            "minor",
            "warning",
            "clear",
            "yes",
            "no",
            "1",
            "rate",
            "ave-rate-bits",
            "md5",
            "delta",
            "elapsed",
            "jitter",
            "one",
            "inet",
            "bits",
            "N",
            "C",
            "n2",
            "1m",
            "30s",
            "0.5",
            "2",
            "multiplicative",
            "ok",
            "x=(\\d+)",
            "5s",
            "0s",
            "3",
            "many",
            "true",
            "off");
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(
                "severity",
                "invert_status",
                "pluck",
                "unpack",
                "scale",
                "calc",
                "calc_sigfigs",
                "alpha",
                "frequency",
                "spike_supress",
                "hwab_period",
                "hwab_model",
                "perlexpr",
                "hwab_alpha",
                "hwab_beta",
                "hwab_gamma",
                "hwab_zeta",
                "retries",
                "retrydelay",
                "graph"));
        for (String test : List.of("expect", "nexpect", "minvalue", "maxvalue", "eqvalue", "nevalue", "maxdeviation")) {
            keys.add(test);
            for (String sev : List.of("critical", "major", "minor", "warning")) {
                keys.add(test + "." + sev);
            }
        }
        return List.copyOf(keys);
    }

    @Test
    void rulesParsedOnceJudgeEveryReplyAsParsingAfreshDoes() {
        long seed = Mutator.seed() + 17;
        Mutator mutator = Mutator.ofTexts(seed, VALUES);
        Random random = mutator.random();
        int count = Mutator.count(3000);
        int compared = 0;
        for (int i = 0; i < count; i++) {
            Map<String, String> params = new TreeMap<>();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                String value =
                        random.nextInt(4) == 0 ? cap(mutator.nextValue()) : VALUES.get(random.nextInt(VALUES.size()));
                params.put(KEYS.get(random.nextInt(KEYS.size())), value);
            }
            ReplyRules rules = ReplyRules.of(params);
            assertEquals(ForecastSettings.from(params), rules.forecast(), () -> "seed " + seed + ", params " + params);
            assertEquals(graphedAsBefore(params), rules.graphed(), () -> "seed " + seed + ", params " + params);
            EvalState cachedState = EvalState.EMPTY;
            EvalState freshState = EvalState.EMPTY;
            ServiceStatus cachedStatus = ServiceStatus.initial(T0);
            ServiceStatus freshStatus = ServiceStatus.initial(T0);
            Forecast cachedForecast = rules.forecast()
                    .map(s -> Forecast.start(s, T0.getEpochSecond()))
                    .orElse(null);
            Forecast freshForecast = forecast(params);
            for (int r = 0; r < 6; r++) {
                Instant now = T0.plusSeconds(60L * r + random.nextInt(5));
                String value = random.nextInt(3) == 0 ? cap(mutator.nextValue()) : number(random);
                Reply reply =
                        new Reply(random.nextInt(8) != 0, value, "fuzz", Duration.ofMillis(1 + random.nextInt(9)));
                Verdict cached = ResultEvaluator.evaluate(rules, reply, cachedState, now, cachedForecast);
                Verdict fresh = ResultEvaluator.evaluate(params, reply, freshState, now, freshForecast);
                assertEquals(fresh, cached, () -> "seed " + seed + ", params " + params + ", reply " + reply);
                StatusStep cachedStep = StatusMachine.apply(cachedStatus, cached.check(), rules.retrying(), now);
                StatusStep freshStep = StatusMachine.apply(freshStatus, fresh.check(), params, now);
                assertEquals(freshStep, cachedStep, () -> "seed " + seed + ", params " + params + ", reply " + reply);
                cachedState = cached.next();
                freshState = fresh.next();
                cachedStatus = cachedStep.next();
                freshStatus = freshStep.next();
                compared++;
            }
        }
        assertEquals(count * 6, compared);
    }

    @Test
    void rulesAreForTheirOwnMapOrAnEqualOneOnly() {
        Map<String, String> params = new TreeMap<>(Map.of("maxvalue", "5", "pluck", "(\\d+)"));
        ReplyRules rules = ReplyRules.of(params);
        assertTrue(rules.isFor(params));
        assertTrue(rules.isFor(new TreeMap<>(params)));
        assertFalse(rules.isFor(Map.of("maxvalue", "6", "pluck", "(\\d+)")));
        assertFalse(rules.isFor(Map.of()));
    }

    /** What the status board's sample feed read from the parameters at each reply before issue 17 (session 9). */
    private static boolean graphedAsBefore(Map<String, String> params) {
        String graph = params.get("graph");
        return graph != null && BooleanValue.isValid(graph) && BooleanValue.parse(graph);
    }

    private static Forecast forecast(Map<String, String> params) {
        return ForecastSettings.from(params)
                .map(s -> Forecast.start(s, T0.getEpochSecond()))
                .orElse(null);
    }

    /**
     * Hostile values, but short: compiling a regex of a long literal costs seconds (the same on both paths), and this
     * test is about the two paths agreeing, not about hostile lengths (ParameterFuzzTest).
     */
    private static String cap(String value) {
        return value.length() > 80 ? value.substring(0, 80) : value;
    }

    private static String number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(100));
            case 1 -> Double.toString(random.nextDouble() * 50 - 10);
            case 2 -> "x=" + random.nextInt(1000) + " ok";
            default -> VALUES.get(random.nextInt(VALUES.size()));
        };
    }
}
