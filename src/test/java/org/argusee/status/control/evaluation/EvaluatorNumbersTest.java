package org.argusee.status.control.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluatorNumbersTest {

    @ParameterizedTest
    @CsvSource({"42, 42", "' 42\n', 42", "-1.5, -1.5", "+3, 3", ".5, 0.5", "1e3, 1000", "2., 2"})
    void parsesDecimals(String text, double expected) {
        assertEquals(Optional.of(expected), Numbers.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12abc", "1,5", "0x10", "NaN", "Infinity", "- 1"})
    void refusesWhatPerlWouldHaveGuessed(String text) {
        assertTrue(Numbers.parse(text).isEmpty(), text);
    }

    /**
     * Issue 17: a text whose first character cannot start a number is refused before the regex; the answers must be
     * the regex's alone, for any text (random texts over the characters a number and its neighbours are made of).
     */
    @Test
    void refusingEarlyAnswersAsTheRegexAlone() {
        Pattern decimal = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
        String alphabet = "0123456789+-.eE xa\t\n\u00a0\u0663,";
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString().strip();
            Optional<Double> expected =
                    decimal.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
            assertEquals(expected, Numbers.parse(text.toString()), text::toString);
        }
    }

    @Test
    void formatsAsPerl() {
        assertEquals("3", Numbers.format(3.0));
        assertEquals("-2.5", Numbers.format(-2.5));
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("0.666666666666667", Numbers.format(2.0 / 3));
    }

    @Test
    void sigfigsTruncatesLargeAndWholeNumbers() {
        assertEquals("0", Numbers.sigfigs(0, 8));
        assertEquals("-3", Numbers.sigfigs(-3.0, 8));
        assertEquals("123456789", Numbers.sigfigs(123456789.9, 8));
        assertEquals("0.0012345679", Numbers.sigfigs(0.00123456789, 8));
        assertEquals("17.5", Numbers.sigfigs(17.5, 8));
        assertEquals("-0.25", Numbers.sigfigs(-0.25, 8));
        assertEquals("100000000000000000000", Numbers.sigfigs(1e20, 8));
    }
}
