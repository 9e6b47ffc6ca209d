package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks one {@code key: value} against the catalog. Errors are values the monitor could not use (a
 * boolean that is not one, a bad time, a value outside the list); an unknown key is only a warning, as in
 * the original ("unused parameter - typo?"), because a config may carry keys for later use.
 *
 * <p>Values are compared with {@code vals:} ignoring case: Argus users write {@code query: mx} as often as
 * {@code MX}, and refusing a config the original ran would make import fail for nothing.
 */
public final class ParameterValidator {

    public static final int MAX_KEY_LENGTH = 100;
    public static final int MAX_VALUE_LENGTH = 10_000;
    /**
     * The longest Holt-Winters period: its forecaster keeps one slot per 5 minutes of it for each service, so a
     * period of 10^18 s asked for more memory than any machine has (found by fuzzing the evaluation).
     */
    public static final long HWAB_PERIOD_MAX_SECONDS = 366L * 86_400;

    private final ParameterCatalog catalog;
    private final Predicate<String> contexts;

    /** For parameters of tree objects. */
    public ParameterValidator(ParameterCatalog catalog) {
        this(catalog, ParameterContexts.TREE);
    }

    /** For parameters inside a block, e.g. {@code ParameterContexts.inClass("DARP::Slave")}. */
    public ParameterValidator(ParameterCatalog catalog, Predicate<String> contexts) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** Every issue found; empty if the parameter is fine. */
    public List<ParameterIssue> check(String key, String value) {
        Optional<String> keyProblem = keyProblem(key);
        if (keyProblem.isPresent()) {
            return List.of(ParameterIssue.error(key, keyProblem.get()));
        }
        if (value == null) {
            return List.of(ParameterIssue.error(key, "parameter '" + key + "' needs a value"));
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return List.of(ParameterIssue.error(
                    key, "value of '" + key + "' is longer than " + MAX_VALUE_LENGTH + " characters"));
        }
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL's text cannot hold it: the import of a 3.7 config with `send: \x00...` failed with a 500
            return List.of(ParameterIssue.error(
                    key, "value of '" + key + "' holds a NUL byte (\\x00), which this" + " server cannot store"));
        }
        Optional<ParameterRule> found = catalog.rule(key, contexts);
        if (found.isEmpty()) {
            return List.of(ParameterIssue.warning(key, "unused parameter '" + key + "' - typo?"));
        }
        ParameterRule rule = found.get();
        Optional<String> problem = valueProblem(rule, value);
        if (!rule.deprecated()) {
            return problem.isEmpty() ? List.of() : List.of(ParameterIssue.error(key, problem.get()));
        }
        List<ParameterIssue> issues = new ArrayList<>(2);
        issues.add(ParameterIssue.warning(
                key,
                "parameter '" + key + "' is deprecated: "
                        + rule.definitions().get(0).description()));
        problem.ifPresent(message -> issues.add(ParameterIssue.error(key, message)));
        return issues;
    }

    /** Key syntax: what the config language can write before {@code :} and the database can store. */
    public static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("parameter key is empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Optional.of(
                    "parameter key '" + key.substring(0, 20) + "...' is longer than " + MAX_KEY_LENGTH + " characters");
        }
        if (hasSpaceOrControl(key)) {
            return Optional.of("parameter key '" + key + "' contains whitespace");
        }
        if (key.indexOf('!') >= 0) {
            return Optional.of("parameter key '" + key + "' contains '!': mark the parameter local instead");
        }
        if (key.endsWith(":")) {
            return Optional.of("parameter key '" + key + "' ends with ':'");
        }
        return Optional.empty();
    }

    private static Optional<String> valueProblem(ParameterRule rule, String value) {
        String key = rule.key();
        if (rule.bool() && !BooleanValue.isValid(value)) {
            return Optional.of("'" + key + "' must be yes or no (also true/false, on/off, 1/0), not '" + value + "'");
        }
        if (rule.timespec()) {
            try {
                if (key.equals("hwab_period") && TimeValue.parseSeconds(value) > HWAB_PERIOD_MAX_SECONDS) {
                    return Optional.of("'hwab_period' must be at most 366d (its forecast keeps a slot per 5 minutes),"
                            + " not '" + value + "'");
                }
                TimeValue.parseSeconds(value);
            } catch (IllegalArgumentException e) {
                return Optional.of("'" + key + "' must be a time like 30, 30s, 5m, 2h or 1d: " + e.getMessage());
            }
        }
        if (!rule.values().isEmpty() && !containsIgnoringCase(rule.values(), value.strip())) {
            return Optional.of(
                    "'" + key + "' must be one of " + String.join(", ", rule.values()) + ", not '" + value + "'");
        }
        Optional<String> numeric = NumericParameters.range(key)
                .filter(range -> !range.accepts(value))
                .map(range -> "'" + key + "' must be " + range.describe() + ", not '" + value + "'");
        return numeric.isPresent() ? numeric : TagListParameters.problem(key, value);
    }

    // A loop rather than a stream: this runs for every parameter of every snapshot.
    static boolean hasSpaceOrControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoringCase(List<String> values, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
