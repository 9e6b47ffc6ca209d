package org.argusee.status.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.status.control.evaluation.Forecast;
import org.argusee.status.control.evaluation.ForecastSettings;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/**
 * A service's Holt-Winters forecaster as the API gives it: the model and period, since when it learns (kept across
 * restarts, new when a reset or a change of model or period starts it over), and for the window under way the
 * expected value and deviation (null while it has none: the first two periods are only learnt from). For the
 * object page's graph (the original's {@code gr_show_hwab}, {@code gr_hwab_color}, {@code gr_hwab_range_ignore},
 * by default as there yes, DDDDFF, yes): whether to draw the band, in which colour, whether it may widen the y
 * axis, and the band itself, expected plus and minus the widest {@code maxdeviation} deviations, one point per
 * step over the range asked for (empty while the forecaster has nothing to say). {@code started} is false for a
 * service with {@code maxdeviation} whose forecaster is not made yet (it is made at the service's first result, and
 * again after a reset or a restart): the model and period it will have, no band, nothing learnt.
 */
public record ForecastView(
        boolean started,
        String model,
        long periodSeconds,
        Instant learningSince,
        Double expected,
        Double deviation,
        boolean forecasting,
        boolean show,
        String color,
        boolean rangeIgnore,
        double maxDeviations,
        long stepSeconds,
        List<BandPoint> band) {

    /** Band points at most, whatever the range: the graph is a few hundred pixels wide. */
    static final int MAX_POINTS = 600;

    /** The band in the window starting {@code at}. */
    public record BandPoint(Instant at, double low, double high) {}

    /** The graph's side of the view, from the service's parameters. */
    record Graph(boolean show, String color, boolean rangeIgnore, double maxDeviations) {

        /** The original's default band colour. */
        static final String DEFAULT_COLOR = "#DDDDFF";

        private static final Pattern HEX = Pattern.compile("#?([0-9A-Fa-f]{6})");

        static Graph of(Function<String, Optional<String>> param) {
            String show = param.apply("gr_show_hwab").orElse("yes");
            String ignore = param.apply("gr_hwab_range_ignore").orElse("yes");
            Matcher color = HEX.matcher(param.apply("gr_hwab_color").orElse("").strip());
            return new Graph(
                    !BooleanValue.isValid(show) || BooleanValue.parse(show),
                    color.matches() ? "#" + color.group(1).toUpperCase(Locale.ROOT) : DEFAULT_COLOR,
                    !BooleanValue.isValid(ignore) || BooleanValue.parse(ignore),
                    ForecastSettings.widestDeviation(k -> param.apply(k).orElse(null)));
        }
    }

    /** The forecast settings of a service with a maxdeviation above 0; empty for any other object. */
    static Optional<ForecastSettings> settings(TreeNode node) {
        return node.kind() == ObjectKind.SERVICE
                ? ForecastSettings.from(k -> node.param(k).orElse(null))
                : Optional.empty();
    }

    /** The view of a service with these settings: {@code f} its forecaster, null when not made yet. */
    static ForecastView of(Forecast f, ForecastSettings settings, Graph graph, Instant from, Instant to) {
        return f == null ? notStarted(settings, graph, from, to) : of(f, graph, from, to);
    }

    /** A service with these settings whose forecaster is not made yet: nothing learnt, no band. */
    static ForecastView notStarted(ForecastSettings settings, Graph graph, Instant from, Instant to) {
        return new ForecastView(
                false,
                settings.model(),
                settings.period(),
                null,
                null,
                null,
                false,
                graph.show(),
                graph.color(),
                graph.rangeIgnore(),
                graph.maxDeviations(),
                step(from, to),
                List.of());
    }

    static ForecastView of(Forecast f, Graph graph, Instant from, Instant to) {
        double y = f.expected();
        double d = f.expectedDeviation();
        long step = step(from, to);
        List<BandPoint> band = new ArrayList<>();
        if (graph.show() && graph.maxDeviations() > 0) {
            for (long t = from.getEpochSecond(); t <= to.getEpochSecond(); t += step) {
                double[] at = f.forecastAt(t);
                if (at != null) {
                    double width = graph.maxDeviations() * at[1];
                    band.add(new BandPoint(Instant.ofEpochSecond(t), at[0] - width, at[0] + width));
                }
            }
        }
        return new ForecastView(
                true,
                f.multiplicative() ? "multiplicative" : "additive",
                f.period(),
                Instant.ofEpochSecond(f.created()),
                Double.isNaN(y) ? null : y,
                Double.isNaN(d) ? null : d,
                f.deviation(Double.isNaN(y) ? 0 : y) != null,
                graph.show(),
                graph.color(),
                graph.rangeIgnore(),
                graph.maxDeviations(),
                step,
                List.copyOf(band));
    }

    /** Whole windows, as few as keep the band within {@link #MAX_POINTS} over the range. */
    private static long step(Instant from, Instant to) {
        long span = Math.max(0, to.getEpochSecond() - from.getEpochSecond());
        long windows = span / Forecast.WINDOW;
        return Math.max(1, (windows + MAX_POINTS - 1) / MAX_POINTS) * Forecast.WINDOW;
    }
}
