package org.argusee.probe.control.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.argusee.probe.control.ProbeFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComputeParserTest {

    private static final Map<String, Double> VALUES = Map.of("Top:A", 6.0, "Top:B", 4.0, "Top:Foo Bar", 2.0);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "%{Top:A} + %{Top:B}             | 10",
                "( %{Top:A} + %{Top:B} ) / %{Top:B} | 2.5",
                "1 + 2 * 3                       | 7",
                "(1 + 2) * 3                     | 9",
                "10 - 4 - 3                      | 3",
                "24 / 4 / 3                      | 2",
                "-2 ** 2                         | -4",
                "2 ** 3 ** 2                     | 512",
                "2 ** -1                         | 0.5",
                "--3                             | 3",
                "7 % 3                           | 1",
                "-7 % 3                          | 2",
                "7 % -3                          | -2",
                "7.9 % 3                         | 1",
                "abs(-2.5) + int(-3.7)           | -0.5",
                "sqrt(16) + exp(0) + log(1)      | 5",
                "max(%{Top:A}, %{Top:B}, 5) - min(1, %{Top:B})   | 5",
                "MAX(1, 2)                       | 2",
                "1.5e2 + .5                      | 150.5",
                "%{ Top:Foo Bar } * 2            | 4"
            })
    void evaluatesLikePerl(String expr, String expected) {
        assertEquals(
                Double.parseDouble(expected), ComputeParser.parse(expr).root().eval(VALUES), 1e-9);
    }

    @Test
    void theOperandsAreListedInTheOrderWritten() {
        assertEquals(
                List.of("Top:B", "Top:A"),
                List.copyOf(
                        ComputeParser.parse("%{Top:B} - %{Top:A} + %{Top:B}").operands()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                  | expr is empty",
                "1 +                 | bad expr: the expression ends too soon at character 4 of '1 +'",
                "(1 + 2              | bad expr: missing ')' at the end at character 7",
                "1 + 2)              | bad expr: unexpected ')' at character 6",
                "%{Top:A + 1         | bad expr: %{ without its closing } at character 1",
                "%{} + 1             | bad expr: %{} names no service at character 1",
                "system(1)           | bad expr: unknown function 'system' (known: abs, exp, int, log, max, min, sqrt)",
                "abs(1, 2)           | bad expr: abs takes 1 argument, not 2",
                "1.2.3               | bad expr: bad number at character 1",
                "2 $ 3               | bad expr: unexpected '$' at character 3",
                "%{Top:A}%{Top:B}    | bad expr: unexpected '%' at character 9",
                "`rm -rf /`          | bad expr: unexpected '`' at character 1"
            })
    void badExpressionsSayWhatAndWhere(String expr, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeParser.parse(expr));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void deepNestingAndHugeTextsAreRefused() {
        String deep = "(".repeat(100) + "1" + ")".repeat(100);
        assertThrows(IllegalArgumentException.class, () -> ComputeParser.parse(deep));
        String minus = "-".repeat(100) + "1";
        assertThrows(IllegalArgumentException.class, () -> ComputeParser.parse(minus));
        String longText = "1" + " + 1".repeat(2000);
        assertThrows(IllegalArgumentException.class, () -> ComputeParser.parse(longText));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 / (%{Top:A} - 6)  | division by zero",
                "5 % 0.5             | modulus zero",
                "sqrt(-1)            | sqrt of a negative number",
                "log(0)              | log of a number not above 0"
            })
    void operationsWithoutAnAnswerSayWhich(String expr, String reason) {
        ComputeNode root = ComputeParser.parse(expr).root();
        ProbeFailure f = assertThrows(ProbeFailure.class, () -> root.eval(VALUES));
        assertEquals(reason, f.getMessage());
    }
}
