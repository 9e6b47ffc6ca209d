package org.argusee.status.control.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forecaster against the original: the reference files hold what Argus 3.7's own {@code Argus::HWAB} and
 * {@code Argus::MHWAB} (run under perl with an in-memory hash for their database, src/test/resources/.../
 * hwab-reference.pl) computed for the same synthetic series: a sine with a period of one hour (a week compressed
 * to 12 windows of 5 minutes) plus a small deterministic noise, one value a minute, the last one raised by 50 in
 * the first file. Every fifth minute: the expectation, its deviation and {@code deviation(value)}.
 */
class ForecastTest {

    private static final long T0 = 1_000_000_123L;

    static double series(int i, long period) {
        long t = T0 + 60L * i;
        return 100 + 20 * Math.sin(2 * 3.141592653589793 * (t % period) / period) + (((i * 7919L) % 13) - 6) * 0.3;
    }

    @ParameterizedTest
    @CsvSource({
        "hwab-additive.txt, additive, 3600, true",
        "hwab-multiplicative.txt, multiplicative, 3600, false",
        "hwab-additive-2h.txt, additive, 7200, false"
    })
    void followsTheOriginal(String file, String model, long period, boolean spike) throws IOException {
        Map<Integer, String[]> expected = reference(file);
        Forecast f = Forecast.start(settings(model, period), T0);
        int n = expected.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int compared = 0;
        for (int i = 1; i <= n; i++) {
            double v = series(i, period) + (spike && i == n ? 50 : 0);
            f.add(v, T0 + 60L * i);
            Double dev = f.deviation(v);
            String[] row = expected.get(i);
            if (row == null) {
                continue;
            }
            assertClose(Double.parseDouble(row[1]), v, "value at minute " + i);
            if (!row[2].equals("-")) {
                assertClose(Double.parseDouble(row[2]), f.expected(), "expected at minute " + i);
                assertClose(Double.parseDouble(row[3]), Forecast.or0(f.expectedDeviation()), "deviation at " + i);
            }
            if (row[4].equals("-")) {
                assertNull(dev, "no forecast yet at minute " + i);
            } else {
                assertNotNull(dev, "a forecast at minute " + i);
                assertClose(Double.parseDouble(row[4]), dev, "deviations at minute " + i);
            }
            compared++;
        }
        assertEquals(expected.size(), compared);
    }

    @ParameterizedTest
    @CsvSource({"additive", "multiplicative"})
    void survivesBeingStoredAndRead(String model) {
        ForecastSettings s = settings(model, 3600);
        Forecast f = Forecast.start(s, T0);
        int i = 1;
        for (; i <= 150; i++) {
            f.add(series(i, 3600), T0 + 60L * i);
        }
        long now = T0 + 60L * i;
        Forecast back = ForecastCodec.decode(ForecastCodec.encode(f), s, now);
        assertEquals(f.start, back.start);
        assertEquals(f.a, back.a);
        assertEquals(f.b, back.b);
        for (int k = 0; k < f.buckets; k++) {
            assertEquals(f.c[k], back.c[k]);
            assertEquals(f.d[k], back.d[k]);
        }
        assertTrue(back.fits(s));
        assertFalse(back.fits(settings(model.equals("additive") ? "multiplicative" : "additive", 3600)));
        assertFalse(back.fits(settings(model, 7200)));
    }

    @ParameterizedTest
    @CsvSource({"additive", "multiplicative"})
    void aWeekOfBucketsIsCompact(String model) {
        ForecastSettings s = settings(model, ForecastSettings.DEFAULT_PERIOD);
        Forecast f = Forecast.start(s, T0);
        for (int i = 1; i <= 600; i++) {
            f.add(series(i, 3600), T0 + 60L * i);
        }
        assertTrue(ForecastCodec.encode(f).length < 4000, "a week's forecaster, two sets of its buckets bootstrapped");
    }

    /** The original moved the level on by the trend over a long pause, so the forecast is not one from before. */
    @org.junit.jupiter.api.Test
    void aLongPauseMovesTheLevelOnByTheTrend() {
        ForecastSettings s = settings("additive", 3600);
        Forecast f = Forecast.start(s, T0);
        for (int i = 1; i <= 200; i++) {
            f.add(series(i, 3600), T0 + 60L * i);
        }
        double a = f.a;
        double b = f.b;
        double start = f.start;
        long later = (long) start + 10 * Forecast.WINDOW + 7;
        Forecast back = ForecastCodec.decode(ForecastCodec.encode(f), s, later);
        assertEquals(start + 9 * Forecast.WINDOW, back.start);
        assertClose(a + 9 * b, back.a, "level moved on");
    }

    /** The graph's band: for the window under way the forecast is the expectation the tests use. */
    @ParameterizedTest
    @CsvSource({"additive", "multiplicative"})
    void theForecastOfTheWindowUnderWayIsTheExpectation(String model) {
        Forecast f = Forecast.start(settings(model, 3600), T0);
        assertNull(f.forecastAt(T0 + 60), "nothing while bootstrapping");
        for (int i = 1; i <= 200; i++) {
            f.add(series(i, 3600), T0 + 60L * i);
        }
        long now = T0 + 60L * 200;
        double[] at = f.forecastAt(now);
        assertClose(f.expected(), at[0], "expected now");
        assertClose(f.expectedDeviation(), at[1], "deviation now");
        // a period earlier: the same bucket, the level one period of trend lower
        double[] before = f.forecastAt(now - 3600);
        assertClose(f.expectedDeviation(), before[1], "the same bucket's deviation");
        if (model.equals("multiplicative")) {
            return; // the original's multiplicative trend after so short a bootstrap moves the level too far back
        }
        assertTrue(Math.abs(before[0] - at[0]) < 5, "the same season: " + before[0] + " " + at[0]);
        // half a period earlier: the other side of the sine
        assertTrue(Math.abs(f.forecastAt(now - 1800)[0] - at[0]) > 20, "the season's shape is in the band");
    }

    static ForecastSettings settings(String model, long period) {
        Map<String, String> p = new HashMap<>();
        p.put("maxdeviation", "3");
        p.put("hwab_model", model);
        p.put("hwab_period", Long.toString(period));
        return ForecastSettings.from(p).orElseThrow();
    }

    private static Map<Integer, String[]> reference(String file) throws IOException {
        Map<Integer, String[]> rows = new HashMap<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(ForecastTest.class.getResourceAsStream(file), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cols = line.strip().split("\\s+");
                rows.put(Integer.parseInt(cols[0]), cols);
            }
        }
        return rows;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
}
