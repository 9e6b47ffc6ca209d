package org.argusee.status.control.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A service's parameters as {@link ResultEvaluator} reads them, parsed once: the settings, whether anything is
 * tested, the pluck regex, the scale factor, the calc operations and the value tests in the order they run. Reading
 * them again at every probe was a fifth of the CPU of a large probing run (docs/benchmarks.md, issue 17); a service's
 * parameters change only with the tree, so the status board keeps one of these per service and builds a new one
 * when the map it is given is another ({@link #isFor}). Immutable, so it may be shared between threads.
 */
public final class ReplyRules {

    private final Map<String, String> params;
    final EvalSettings settings;
    final boolean tested;
    /** The pluck regex as written, or null when there is none. */
    final String pluck;

    final Pattern pluckPattern;
    /** The down reason of a pluck regex that does not compile, else null. */
    final String pluckError;
    /** The unpack template, or null when there is none. */
    final String unpack;
    /** The scale parameter as written, or null when there is none. */
    final String scale;

    final Optional<Double> factor;
    final CalcSpec calc;
    final List<CheckStep> checks;

    private ReplyRules(Map<String, String> params) {
        this.params = params;
        this.settings = EvalSettings.from(params);
        this.tested = ValueChecks.tested(params);
        String p = params.get("pluck");
        this.pluck = p != null && !p.isEmpty() ? p : null;
        Pattern compiled = null;
        String error = null;
        if (pluck != null) {
            try {
                compiled = Regexes.compile(pluck, Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                error = "bad pluck regex '" + pluck + "': " + Regexes.problem(e);
            }
        }
        this.pluckPattern = compiled;
        this.pluckError = error;
        String u = params.get("unpack");
        this.unpack = u != null && !u.isBlank() ? u : null;
        String s = params.get("scale");
        this.scale = s != null && !s.isBlank() ? s : null;
        this.factor = scale == null ? Optional.empty() : Numbers.parse(scale);
        this.calc = CalcSpec.parse(params.get("calc"));
        this.checks = ValueChecks.plan(params, settings.severity());
    }

    /** Parses the service's effective parameters; nothing throws for a bad value (the reply then goes down). */
    public static ReplyRules of(Map<String, String> params) {
        return new ReplyRules(Objects.requireNonNull(params, "params"));
    }

    /** True when these rules were read from this map (the same one, or an equal one). */
    public boolean isFor(Map<String, String> other) {
        return other == params || params.equals(other);
    }
}
