package org.argusee.status.control.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The service's tests in the order they run: severity by severity from critical down, in each the tests in
     * {@link #TESTS} order, then {@code maxdeviation}. Built once per parameter map ({@link ReplyRules}).
     */
    static List<CheckStep> plan(Map<String, String> params, Severity serviceSeverity) {
        List<CheckStep> steps = new ArrayList<>();
        for (Severity severity : ORDER) {
            for (String test : TESTS) {
                String limit = limit(params, test, severity, serviceSeverity);
                if (limit != null) {
                    String key =
                            params.containsKey(test + "." + severity.label()) ? test + "." + severity.label() : test;
                    steps.add(CheckStep.of(test, key, limit, severity, serviceSeverity));
                }
            }
            String most = limit(params, "maxdeviation", severity, serviceSeverity);
            if (most != null) {
                steps.add(CheckStep.of("maxdeviation", "maxdeviation", most, severity, serviceSeverity));
            }
        }
        return List.copyOf(steps);
    }

    /** @param forecast the service's forecaster, already fed this value; null when it has none */
    static Optional<Failure> check(List<CheckStep> plan, String value, Forecast forecast) {
        for (CheckStep step : plan) {
            Optional<Failure> f;
            if (step.deviation()) {
                f = forecast == null ? Optional.empty() : deviation(step.limit(), value, forecast, step.severity());
            } else {
                f = step.run(value);
            }
            if (f.isPresent()) {
                return f;
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
}
