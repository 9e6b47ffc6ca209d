package org.argusee.status.control.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers in results and parameters. Perl turns any text into a number ("abc" is 0, "12abc" is 12), which made
 * a garbled answer pass {@code maxvalue}; here only a whole decimal number (surrounding whitespace allowed)
 * counts, and the caller reports anything else.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** Perl prints doubles with 15 significant digits. */
    private static final MathContext PERL_DIGITS = new MathContext(15);

    private Numbers() {}

    public static Optional<Double> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        // what cannot start a number is no number, without the regex: most replies are banners and words (issue 17)
        if (t.isEmpty() || !startsNumber(t.charAt(0))) {
            return Optional.empty();
        }
        return DECIMAL.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
    }

    /** A first character {@link #DECIMAL} can match: a sign, a digit or a point. */
    private static boolean startsNumber(char c) {
        return c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9');
    }

    /** As Perl prints a number: 3 not 3.0, 0.333333333333333 not 0.3333333333333333. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(PERL_DIGITS).stripTrailingZeros().toPlainString();
    }

    /**
     * The original's tidying after calc: a fraction gets {@code sigfigs} significant digits in all (so 12.3456789
     * with 8 becomes 12.345679), a whole number or one with at least that many digits before the point is cut to
     * an integer (truncated, not rounded, as Perl's int). Unlike the original, trailing zeros are dropped
     * (17.5, not 17.500000): the digits were limited to make the value readable.
     */
    public static String sigfigs(double value, int sigfigs) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.ceil(Math.log10(Math.abs(value)));
        boolean fraction = value != truncate(value);
        if (magnitude < sigfigs && fraction) {
            int decimals = (int) Math.min(sigfigs - magnitude, 340);
            String fixed = String.format(Locale.ROOT, "%." + decimals + "f", value);
            return new BigDecimal(fixed).stripTrailingZeros().toPlainString();
        }
        return new BigDecimal(truncate(value)).toBigInteger().toString();
    }

    private static double truncate(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }
}
