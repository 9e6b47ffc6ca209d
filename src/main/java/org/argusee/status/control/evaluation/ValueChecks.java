package org.argusee.status.control.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;
import org.argusee.status.control.Severity;

/**
 * The tests on a result: {@code expect}, {@code nexpect}, {@code minvalue}, {@code maxvalue}, {@code eqvalue},
 * {@code nevalue}, each as {@code .critical}, {@code .major}, {@code .minor} and {@code .warning}. As in the
 * original they run severity by severity from critical down, and the first failure decides; so the first
 * failing test and the worst failing severity are the same thing. The plain form counts as the variant of the
 * service's {@code severity} unless that variant is set too (then the plain form is ignored); with
 * {@code severity: clear} the plain forms are never tested, as in the original, which only runs the four
 * variants. {@code maxdeviation} comes last in each severity, as there: the result is further from the
 * Holt-Winters forecast ({@link Forecast}) than that many deviations.
 */
final class ValueChecks {

    record Failure(Severity severity, String reason) {}

    static final List<String> TESTS = List.of("expect", "nexpect", "minvalue", "maxvalue", "eqvalue", "nevalue");
    /**
     * Value processing that makes a service "tested", as in the original: each is evaluated ({@link ResultEvaluator},
     * {@link Unpack}, {@link Forecast}). {@code perlexpr} is not among them: no Perl runs here, and the config checker
     * says so at import; the service is judged without it.
     */
    private static final List<String> OTHER_TESTED = List.of("calc", "pluck", "unpack", "scale", "maxdeviation");

    private static final List<Severity> ORDER =
            List.of(Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.WARNING);

    private ValueChecks() {}

    /** True when any test or value processing is configured; without one any data back means up. */
    static boolean tested(Map<String, String> params) {
        for (String key : params.keySet()) {
            String base = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (TESTS.contains(base) || OTHER_TESTED.contains(base)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Failure> check(Map<String, String> params, String value, Severity serviceSeverity) {
        return check(params, value, serviceSeverity, null);
    }

    /** @param forecast the service's forecaster, already fed this value; null when it has none */
    static Optional<Failure> check(
            Map<String, String> params, String value, Severity serviceSeverity, Forecast forecast) {
        for (Severity severity : ORDER) {
            for (String test : TESTS) {
                String limit = limit(params, test, severity, serviceSeverity);
                if (limit != null) {
                    String key =
                            params.containsKey(test + "." + severity.label()) ? test + "." + severity.label() : test;
                    Optional<Failure> f = one(test, key, limit, value, severity, serviceSeverity);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            String most = limit(params, "maxdeviation", severity, serviceSeverity);
            if (most != null && forecast != null) {
                Optional<Failure> f = deviation(most, value, forecast, severity);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    /** As the original: no verdict while the forecaster has none, or for a limit of 0 or less. */
    private static Optional<Failure> deviation(String limit, String value, Forecast forecast, Severity severity) {
        Optional<Double> max = Numbers.parse(limit).filter(m -> m > 0);
        Optional<Double> v = Numbers.parse(value);
        if (max.isEmpty() || v.isEmpty()) {
            return Optional.empty();
        }
        Double dev = forecast.deviation(v.get());
        if (dev == null || dev <= max.get()) {
            return Optional.empty();
        }
        return Optional.of(new Failure(
                severity,
                "outside of predicted range (" + Numbers.sigfigs(dev, 3) + " deviations from "
                        + Numbers.sigfigs(forecast.expected(), 6) + ", more than " + limit.strip() + ")"));
    }

    private static String limit(Map<String, String> params, String test, Severity severity, Severity service) {
        String variant = params.get(test + "." + severity.label());
        if (variant != null) {
            return variant;
        }
        return severity == service ? params.get(test) : null;
    }

    private static Optional<Failure> one(
            String test, String key, String limit, String value, Severity severity, Severity serviceSeverity) {
        try {
            String why =
                    switch (test) {
                        case "expect" ->
                            Regexes.compile(limit, 0).matcher(value).find()
                                    ? null
                                    : "did not match expected regex /" + limit + "/";
                        case "nexpect" ->
                            Regexes.compile(limit, 0).matcher(value).find()
                                    ? "matched unexpected regex /" + limit + "/"
                                    : null;
                        case "minvalue", "maxvalue" -> compare(test, key, limit, value);
                        default -> equality(test, limit, value);
                    };
            return Optional.ofNullable(why).map(w -> new Failure(severity, w));
        } catch (PatternSyntaxException e) {
            return Optional.of(
                    new Failure(serviceSeverity, "bad " + key + " regex '" + limit + "': " + Regexes.problem(e)));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Failure(serviceSeverity, e.getMessage()));
        }
    }

    private static String compare(String test, String key, String limit, String value) {
        double bound = Numbers.parse(limit)
                .orElseThrow(() -> new IllegalArgumentException("bad " + key + " '" + limit + "': not a number"));
        Optional<Double> v = Numbers.parse(value);
        if (v.isEmpty()) {
            return "value '" + value + "' is not a number (" + key + " " + limit + ")";
        }
        if (test.equals("minvalue")) {
            return v.get() < bound ? "less than min (" + value.strip() + " < " + limit.strip() + ")" : null;
        }
        return v.get() > bound ? "more than max (" + value.strip() + " > " + limit.strip() + ")" : null;
    }

    /**
     * Numbers compare as numbers (so 1.0 equals 1), anything else as text: the original compared numerically
     * only, which made every two texts equal.
     */
    private static String equality(String test, String limit, String value) {
        Optional<Double> a = Numbers.parse(value);
        Optional<Double> b = Numbers.parse(limit);
        boolean equal = a.isPresent() && b.isPresent()
                ? a.get().doubleValue() == b.get().doubleValue()
                : value.strip().equals(limit.strip());
        if (test.equals("eqvalue")) {
            return equal ? null : "not equal (" + value.strip() + " != " + limit.strip() + ")";
        }
        return equal ? "equal (" + value.strip() + " == " + limit.strip() + ")" : null;
    }
}
