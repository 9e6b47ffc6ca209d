package org.argusee.status.control.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.argusee.status.control.StatusMachine;
import org.argusee.tree.control.BooleanValue;

/**
 * A service's parameters as {@link ResultEvaluator} reads them, parsed once: the settings, whether anything is
 * tested, the pluck regex, the scale factor, the calc operations and the value tests in the order they run. Reading
 * them again at every probe was a fifth of the CPU of a large probing run (docs/benchmarks.md, issue 17). The status
 * board's own reads go here too: the forecaster's settings, retries and retrydelay, and whether samples are kept. A
 * service's
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

    private final Optional<ForecastSettings> forecast;
    private final StatusMachine.Retrying retrying;
    private final boolean graphed;

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
        this.forecast = ForecastSettings.from(params);
        this.retrying = StatusMachine.Retrying.of(params);
        this.graphed = graphed(params);
    }

    /** Parses the service's effective parameters; nothing throws for a bad value (the reply then goes down). */
    public static ReplyRules of(Map<String, String> params) {
        return new ReplyRules(Objects.requireNonNull(params, "params"));
    }

    /** The Holt-Winters settings ({@link ForecastSettings#from}); empty when the service has no maxdeviation. */
    public Optional<ForecastSettings> forecast() {
        return forecast;
    }

    /** {@code retries} and {@code retrydelay}, as the status machine reads them. */
    public StatusMachine.Retrying retrying() {
        return retrying;
    }

    /** Whether the service's results are kept as samples: {@code graph} set to a true boolean. */
    public boolean graphed() {
        return graphed;
    }

    /** The {@code graph} parameter as {@link #graphed()} reads it (an invalid value is false). */
    public static boolean graphed(Map<String, String> params) {
        String graph = params.get("graph");
        return graph != null && BooleanValue.isValid(graph) && BooleanValue.parse(graph);
    }

    /** True when these rules were read from this map (the same one, or an equal one). */
    public boolean isFor(Map<String, String> other) {
        return other == params || params.equals(other);
    }
}
