package org.argusee.status.control.evaluation;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.argusee.tree.control.ParameterValidator;
import org.argusee.tree.control.TimeValue;

/**
 * The Holt-Winters parameters of a service, with the original's defaults (Argus 3.7 {@code Service.pm}):
 * {@code hwab_model} additive, {@code hwab_period} one week, alpha 0.005, beta 0.0005, gamma 0.1, zeta 0.1.
 * A service forecasts only when a {@code maxdeviation} (plain or per severity) is set above 0, as in the original,
 * which built its forecaster only then. A value that does not parse falls back to the default: the config checker
 * has reported it already.
 */
public record ForecastSettings(
        boolean multiplicative, long period, double alpha, double beta, double gamma, double zeta) {

    public static final long DEFAULT_PERIOD = 7 * 24 * 3600L;
    static final String[] DEVIATION_KEYS = {
        "maxdeviation", "maxdeviation.critical", "maxdeviation.major", "maxdeviation.minor", "maxdeviation.warning"
    };

    /** Empty when the service has no {@code maxdeviation} above 0. */
    public static Optional<ForecastSettings> from(Map<String, String> params) {
        return from(params::get);
    }

    /** As {@link #from(Map)}, reading each parameter by its key (null when not set). */
    public static Optional<ForecastSettings> from(Function<String, String> params) {
        boolean wanted = false;
        for (String key : DEVIATION_KEYS) {
            wanted |= Numbers.parse(params.apply(key)).filter(v -> v > 0).isPresent();
        }
        if (!wanted) {
            return Optional.empty();
        }
        String hwabModel = params.apply("hwab_model");
        String model = (hwabModel == null ? "additive" : hwabModel).strip();
        return Optional.of(new ForecastSettings(
                model.toLowerCase().startsWith("m"),
                period(params.apply("hwab_period")),
                number(params, "hwab_alpha", 0.005, 1),
                number(params, "hwab_beta", 0.0005, 1),
                number(params, "hwab_gamma", 0.1, 1),
                number(params, "hwab_zeta", 0.1, Double.MAX_VALUE)));
    }

    /**
     * The widest {@code maxdeviation} of the service (plain or per severity), in deviations: the graph's band is the
     * forecast plus and minus that many, as the original's (its {@code maxdelta}); 0 when none is set.
     */
    public static double widestDeviation(Function<String, String> param) {
        double widest = 0;
        for (String key : DEVIATION_KEYS) {
            widest = Math.max(widest, Numbers.parse(param.apply(key)).orElse(0.0));
        }
        return widest;
    }

    /** The model's name as the API and the database give it. */
    public String model() {
        return multiplicative ? "multiplicative" : "additive";
    }

    /**
     * Whole windows of 5 minutes, at least one: the original divided by its window and took the integer part (under
     * one window its every test failed, "Illegal modulus zero"; here such a period is one week).
     */
    private static long period(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PERIOD;
        }
        try {
            long p = TimeValue.parseSeconds(text);
            // over the checker's limit only by SQL: as any other value it refuses
            return p >= Forecast.WINDOW && p <= ParameterValidator.HWAB_PERIOD_MAX_SECONDS ? p : DEFAULT_PERIOD;
        } catch (IllegalArgumentException e) {
            return DEFAULT_PERIOD;
        }
    }

    /** The ranges the config checker holds them to (NumericParameters): the smoothing factors 0 to 1, zeta 0 up. */
    private static double number(Function<String, String> params, String key, double fallback, double max) {
        return Numbers.parse(params.apply(key)).filter(v -> v >= 0 && v <= max).orElse(fallback);
    }
}
