package org.argusee.tree.control;

/**
 * Argus time values ("timespec"): {@code 10}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 1w},
 * {@code 1M} (30 days), {@code 1y} (365 days), combined as {@code 1h30m}, with whitespace allowed between
 * parts. As in the original only the first letter of a unit counts ({@code 10min}, {@code 2weeks},
 * {@code 1day}), and case matters only for m (minutes) against M (months).
 */
public final class TimeValue {

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

    private TimeValue() {}

    /** @throws IllegalArgumentException for anything else, including empty, negative and overflowing values */
    public static long parseSeconds(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "empty");
        }
        long total = 0;
        int i = 0;
        int n = text.length();
        boolean bareNumberSeen = false;
        while (i < n) {
            i = skipSpace(text, i);
            if (i == n) {
                break;
            }
            if (bareNumberSeen) {
                throw bad(text, "a number without a unit must come last");
            }
            char c = text.charAt(i);
            if (c == '-') {
                throw bad(text, "negative");
            }
            if (!isDigit(c)) {
                throw bad(text, "expected a number at '" + text.substring(i) + "'");
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            long number = number(text, text.substring(start, i));
            i = skipSpace(text, i);
            int unitStart = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            long unit = 1;
            if (i > unitStart) {
                unit = unit(text, text.substring(unitStart, i));
            } else {
                bareNumberSeen = true;
                if (i < n && !Character.isWhitespace(text.charAt(i)) && !isDigit(text.charAt(i))) {
                    throw bad(text, "unexpected '" + text.charAt(i) + "'");
                }
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(number, unit));
            } catch (ArithmeticException e) {
                throw bad(text, "too large");
            }
        }
        return total;
    }

    /** Shortest readable form that parses back to the same number: 90 gives 1m30s, 3600 gives 1h, 0 gives 0s. */
    public static String format(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative time " + seconds);
        }
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long rest = seconds;
        rest = append(out, rest, YEAR, 'y');
        // Whole weeks read better than days (14 days is "2w"), but 10 days stays "10d" rather than "1w3d".
        rest = rest % WEEK == 0 ? append(out, rest, WEEK, 'w') : append(out, rest, DAY, 'd');
        rest = append(out, rest, HOUR, 'h');
        rest = append(out, rest, MINUTE, 'm');
        append(out, rest, 1, 's');
        return out.toString();
    }

    private static long append(StringBuilder out, long rest, long unit, char letter) {
        if (rest >= unit) {
            out.append(rest / unit).append(letter);
        }
        return rest % unit;
    }

    private static long unit(String text, String word) {
        char first = word.charAt(0);
        if (first == 'M') {
            return MONTH;
        }
        return switch (Character.toLowerCase(first)) {
            case 's' -> 1;
            case 'm' -> MINUTE;
            case 'h' -> HOUR;
            case 'd' -> DAY;
            case 'w' -> WEEK;
            case 'y' -> YEAR;
            default ->
                throw bad(text, "unknown unit '" + word + "' (use s, m, h, d, w, M for 30 days or y for 365 days)");
        };
    }

    private static long number(String text, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw bad(text, "too large");
        }
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad time value '" + text + "': " + why);
    }
}
