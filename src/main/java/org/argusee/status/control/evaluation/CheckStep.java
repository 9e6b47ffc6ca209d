package org.argusee.status.control.evaluation;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.argusee.status.control.Severity;

/**
 * One value test of a service ({@link ValueChecks}) with its limit parsed once, when the service's parameters are
 * read ({@link ReplyRules}), instead of at every probe: the regex compiled, the bound a number. A limit that does
 * not parse is kept as the failure it gives when the test is reached, so the verdict is the same as before.
 *
 * @param test     the test's base name ({@code expect}, {@code minvalue}, ..., {@code maxdeviation})
 * @param key      the parameter the limit came from, as reasons name it
 * @param severity the severity this test fails with
 * @param regex    the compiled {@code expect}/{@code nexpect}; null for the others or when it does not compile
 * @param number   the limit as a number, for the numeric tests
 * @param error    the failure a bad limit gives (with the service's severity), or null
 */
record CheckStep(
        String test,
        String key,
        String limit,
        Severity severity,
        Pattern regex,
        Optional<Double> number,
        ValueChecks.Failure error) {

    static CheckStep of(String test, String key, String limit, Severity severity, Severity serviceSeverity) {
        Pattern regex = null;
        Optional<Double> number = Optional.empty();
        ValueChecks.Failure error = null;
        switch (test) {
            case "expect", "nexpect" -> {
                try {
                    regex = Regexes.compile(limit, 0);
                } catch (PatternSyntaxException e) {
                    error = new ValueChecks.Failure(
                            serviceSeverity, "bad " + key + " regex '" + limit + "': " + Regexes.problem(e));
                }
            }
            case "minvalue", "maxvalue" -> {
                number = Numbers.parse(limit);
                if (number.isEmpty()) {
                    error = new ValueChecks.Failure(serviceSeverity, "bad " + key + " '" + limit + "': not a number");
                }
            }
            default -> number = Numbers.parse(limit);
        }
        return new CheckStep(test, key, limit, severity, regex, number, error);
    }

    boolean deviation() {
        return test.equals("maxdeviation");
    }

    /** The failure of this test on the value, if it fails; not for {@code maxdeviation} (see ValueChecks). */
    Optional<ValueChecks.Failure> run(String value) {
        if (error != null) {
            return Optional.of(error);
        }
        String why =
                switch (test) {
                    case "expect" ->
                        regex.matcher(value).find() ? null : "did not match expected regex /" + limit + "/";
                    case "nexpect" -> regex.matcher(value).find() ? "matched unexpected regex /" + limit + "/" : null;
                    case "minvalue", "maxvalue" -> compare(value);
                    default -> equality(value);
                };
        return Optional.ofNullable(why).map(w -> new ValueChecks.Failure(severity, w));
    }

    private String compare(String value) {
        double bound = number.get();
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
    private String equality(String value) {
        Optional<Double> a = Numbers.parse(value);
        boolean equal = a.isPresent() && number.isPresent()
                ? a.get().doubleValue() == number.get().doubleValue()
                : value.strip().equals(limit.strip());
        if (test.equals("eqvalue")) {
            return equal ? null : "not equal (" + value.strip() + " != " + limit.strip() + ")";
        }
        return equal ? "equal (" + value.strip() + " == " + limit.strip() + ")" : null;
    }
}
