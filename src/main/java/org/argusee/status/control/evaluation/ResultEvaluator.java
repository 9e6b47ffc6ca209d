package org.argusee.status.control.evaluation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.status.control.Severity;

/**
 * Turns what a probe saw into up or down, in the original's order: a failed probe is down at once; otherwise
 * {@code pluck}, {@code unpack}, {@code scale}, {@code calc}, then the value tests ({@link ValueChecks}), and last
 * {@code invert_status}. A pure function: the calc state goes in and comes out, nothing is kept here, and
 * nothing throws for a bad parameter or regex: the service goes down with a reason that names it.
 */
public final class ResultEvaluator {

    private ResultEvaluator() {}

    /**
     * @param params   the service's effective parameters
     * @param previous what the previous probe of this service left ({@link EvalState#EMPTY} at first)
     */
    public static Verdict evaluate(Map<String, String> params, RawResult reply, EvalState previous, Instant now) {
        return evaluate(params, reply, previous, now, null);
    }

    /**
     * @param forecast the service's Holt-Winters forecaster ({@link ForecastSettings}), or null when it has none:
     *                 every numeric result feeds it before {@code maxdeviation} is tested, as in the original
     */
    public static Verdict evaluate(
            Map<String, String> params, RawResult reply, EvalState previous, Instant now, Forecast forecast) {
        return evaluate(ReplyRules.of(params), reply, previous, now, forecast);
    }

    /**
     * As {@link #evaluate(Map, RawResult, EvalState, Instant, Forecast)} with the service's parameters already read:
     * the status board keeps them per service, so a probe's reply does not parse them again.
     */
    public static Verdict evaluate(
            ReplyRules rules, RawResult reply, EvalState previous, Instant now, Forecast forecast) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(now, "now");
        Verdict verdict = judge(rules, reply, previous, now, forecast);
        return rules.settings.invert() ? verdict.invert(rules.settings.severity()) : verdict;
    }

    private static Verdict judge(ReplyRules rules, RawResult reply, EvalState state, Instant now, Forecast forecast) {
        EvalSettings settings = rules.settings;
        Severity severity = settings.severity();
        if (!reply.ok()) {
            return Verdict.down(severity, reply.reason(), null, null, state);
        }
        if (!rules.tested) {
            // The monitor gives no value when its own check is the whole test (a connect, a ping): that is up.
            // An empty value is data that did not come, as the original's "no data rcvd".
            boolean noData = reply.value() != null && reply.value().isEmpty();
            return noData
                    ? Verdict.down(severity, "no data received", "", null, state)
                    : Verdict.up(reply.value(), Numbers.parse(reply.value()).orElse(null), state);
        }
        String value = reply.value() == null ? "" : reply.value();
        String pluck = rules.pluck;
        if (pluck != null) {
            if (rules.pluckError != null) {
                return Verdict.down(severity, rules.pluckError, value, null, state);
            }
            Optional<String> plucked = pluck(rules.pluckPattern, value);
            if (plucked.isEmpty()) {
                return Verdict.down(severity, "pluck failed: /" + pluck + "/ found nothing", value, null, state);
            }
            value = plucked.get();
        }
        if (rules.unpack != null) {
            try {
                value = Unpack.first(rules.unpack, value);
            } catch (IllegalArgumentException e) {
                return Verdict.down(severity, e.getMessage(), value, null, state);
            }
        }
        String scale = rules.scale;
        if (scale != null) {
            Optional<Double> factor = rules.factor;
            if (factor.isEmpty()) {
                return Verdict.down(severity, "bad scale '" + scale + "': not a number", value, null, state);
            }
            // The original skips a scale of 0 (false in Perl) instead of dividing by it.
            if (factor.get() != 0) {
                Optional<Double> v = Numbers.parse(value);
                if (v.isEmpty()) {
                    return Verdict.down(severity, "scale: value '" + value + "' is not a number", value, null, state);
                }
                value = Numbers.format(v.get() / factor.get());
            }
        }
        Calc.Outcome calc = Calc.apply(rules.calc, value, reply.elapsed(), state, settings, now);
        switch (calc.kind()) {
            case PENDING:
                return Verdict.pending(calc.reason(), calc.next());
            case FAILED:
                return Verdict.down(severity, calc.reason(), value, null, calc.next());
            default:
                break;
        }
        String result = calc.text() != null ? calc.text() : Numbers.format(calc.number());
        if (forecast != null) {
            Numbers.parse(result).ifPresent(v -> forecast.add(v, now.getEpochSecond()));
        }
        return ValueChecks.check(rules.checks, result, forecast)
                .map(f -> Verdict.down(f.severity(), f.reason(), result, calc.number(), calc.next()))
                .orElseGet(() -> Verdict.up(result, calc.number(), calc.next()));
    }

    /** Group 1 when the regex has one and it took part in the match, else the whole match. */
    private static Optional<String> pluck(Pattern p, String value) {
        Matcher m = p.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
    }
}
