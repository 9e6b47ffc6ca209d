package org.argusee.status.boundary;

import org.argusee.status.control.evaluation.Forecast;

/**
 * A service's Holt-Winters forecaster as the API gives it: the model and period, and for the window under way the
 * expected value and deviation (null while it has none: the first two periods are only learnt from), so that a
 * page can draw the band expected ± deviation.
 */
public record ForecastView(String model, long periodSeconds, Double expected, Double deviation, boolean forecasting) {

    static ForecastView of(Forecast f) {
        double y = f.expected();
        double d = f.expectedDeviation();
        return new ForecastView(
                f.multiplicative() ? "multiplicative" : "additive",
                f.period(),
                Double.isNaN(y) ? null : y,
                Double.isNaN(d) ? null : d,
                f.deviation(Double.isNaN(y) ? 0 : y) != null);
    }
}
