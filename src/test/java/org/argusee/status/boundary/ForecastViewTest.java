package org.argusee.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.argusee.status.control.evaluation.Forecast;
import org.argusee.status.control.evaluation.ForecastSettings;
import org.junit.jupiter.api.Test;

/** The graph's band: forecast ± the widest maxdeviation, per step, as gr_show_hwab and its siblings say. */
class ForecastViewTest {

    private static final long T0 = 1_000_000_000L;

    @Test
    void theBandIsTheForecastPlusAndMinusTheWidestMaxdeviation() {
        Map<String, String> params = Map.of("maxdeviation.major", "2", "maxdeviation.critical", "4");
        Forecast f = learnt(params);
        long now = T0 + 3 * 3600;
        ForecastView v = ForecastView.of(
                f, ForecastView.Graph.of(k -> Optional.ofNullable(params.get(k))), at(now - 3600), at(now));
        assertTrue(v.show());
        assertEquals("#DDDDFF", v.color(), "the original's default colour");
        assertTrue(v.rangeIgnore());
        assertEquals(4.0, v.maxDeviations());
        assertEquals(300, v.stepSeconds());
        assertEquals(13, v.band().size(), "one point per window, both ends");
        ForecastView.BandPoint last = v.band().get(12);
        double[] forecast = f.forecastAt(now);
        assertEquals(forecast[0] - 4 * forecast[1], last.low(), 1e-9);
        assertEquals(forecast[0] + 4 * forecast[1], last.high(), 1e-9);
    }

    @Test
    void grShowHwabNoAndAColourOfTheOriginal() {
        Map<String, String> params = Map.of("maxdeviation", "3", "gr_show_hwab", "no", "gr_hwab_color", "ffcc00");
        ForecastView v = ForecastView.of(
                learnt(params),
                ForecastView.Graph.of(k -> Optional.ofNullable(params.get(k))),
                at(T0),
                at(T0 + 3 * 3600));
        assertFalse(v.show());
        assertEquals("#FFCC00", v.color());
        assertTrue(v.band().isEmpty());
    }

    @Test
    void aLongRangeHasAtMostSixHundredPoints() {
        Map<String, String> params = Map.of("maxdeviation", "3");
        ForecastView v = ForecastView.of(
                learnt(params),
                ForecastView.Graph.of(k -> Optional.ofNullable(params.get(k))),
                at(T0 - 92 * 86400L),
                at(T0 + 3 * 3600));
        assertTrue(
                v.band().size() <= ForecastView.MAX_POINTS,
                "points: " + v.band().size());
        assertEquals(0, v.stepSeconds() % Forecast.WINDOW);
    }

    @Test
    void aServiceWhoseForecasterIsNotMadeYetHasItsSettingsAndNoBand() {
        Map<String, String> params = Map.of("maxdeviation.minor", "2.5", "hwab_model", "mult", "hwab_period", "2h");
        ForecastSettings settings = ForecastSettings.from(params).orElseThrow();
        ForecastView v = ForecastView.of(
                null,
                settings,
                ForecastView.Graph.of(k -> Optional.ofNullable(params.get(k))),
                at(T0 - 36 * 3600),
                at(T0 + 300));
        assertFalse(v.started());
        assertEquals("multiplicative", v.model());
        assertEquals(7200, v.periodSeconds());
        assertEquals(null, v.learningSince());
        assertEquals(null, v.expected());
        assertFalse(v.forecasting());
        assertTrue(v.show());
        assertEquals(2.5, v.maxDeviations());
        assertEquals(300, v.stepSeconds());
        assertTrue(v.band().isEmpty());

        Forecast learnt = learnt(params);
        ForecastView started = ForecastView.of(
                learnt,
                settings,
                ForecastView.Graph.of(k -> Optional.ofNullable(params.get(k))),
                at(T0),
                at(T0 + 3600));
        assertTrue(started.started());
        assertEquals(Instant.ofEpochSecond(T0), started.learningSince());
    }

    /** An hour's period, three hours of a sine a minute: past the two periods of bootstrap. */
    private static Forecast learnt(Map<String, String> params) {
        Map<String, String> p = new java.util.HashMap<>(params);
        p.put("hwab_period", "1h");
        Forecast f = Forecast.start(ForecastSettings.from(p).orElseThrow(), T0);
        for (int i = 1; i <= 180; i++) {
            f.add(100 + 20 * Math.sin(2 * Math.PI * i / 60.0) + (i % 3), T0 + 60L * i);
        }
        return f;
    }

    private static Instant at(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds);
    }
}
