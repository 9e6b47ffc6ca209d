package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeValueTest {

    @ParameterizedTest
    @CsvSource({
        "10, 10",
        "10s, 10",
        "5m, 300",
        "2h, 7200",
        "1d, 86400",
        "1w, 604800",
        "1M, 2592000",
        "1y, 31536000",
        "1h30m, 5400",
        "10min, 600",
        "2weeks, 1209600",
        "1day, 86400",
        "1min, 60",
        "0, 0",
        "'1h 30m', 5400",
        "'10 min', 600",
        "' 90 ', 90",
        "1H, 3600",
        "1h30, 3630",
        "2hours15minutes, 8100"
    })
    void parses(String text, long seconds) {
        assertEquals(seconds, TimeValue.parseSeconds(text));
    }

    @Test
    void onlyUpperMIsMonth() {
        assertEquals(60, TimeValue.parseSeconds("1m"));
        assertEquals(60, TimeValue.parseSeconds("1month"), "first letter only, as the original");
        assertEquals(30 * 86400, TimeValue.parseSeconds("1Month"));
    }

    @Test
    void unknownUnitIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeValue.parseSeconds("1x"));
        assertTrue(e.getMessage().startsWith("bad time value '1x': unknown unit 'x'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "x",
                "h",
                "-5",
                "1.5h",
                "5 10",
                "1h-",
                "99999999999999999999",
                "9223372036854775807y",
                "1h 2x",
                "10s!"
            })
    void refuses(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeValue.parseSeconds(text));
        assertTrue(e.getMessage().startsWith("bad time value '" + text + "'"), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> TimeValue.parseSeconds(null));
    }

    @ParameterizedTest
    @CsvSource({
        "90, 1m30s",
        "3600, 1h",
        "0, 0s",
        "10, 10s",
        "86400, 1d",
        "604800, 1w",
        "1209600, 2w",
        "864000, 10d",
        "31536000, 1y",
        "93784, 1d2h3m4s",
        "34560000, 1y5w"
    })
    void formats(long seconds, String text) {
        assertEquals(text, TimeValue.format(seconds));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 59, 61, 3599, 3601, 86399, 700000, 2592000, 31536001, 1234567890L, Long.MAX_VALUE})
    void formatParsesBack(long seconds) {
        assertEquals(seconds, TimeValue.parseSeconds(TimeValue.format(seconds)));
    }

    @Test
    void formatRefusesNegative() {
        assertThrows(IllegalArgumentException.class, () -> TimeValue.format(-1));
    }
}
