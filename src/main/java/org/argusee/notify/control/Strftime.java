package org.argusee.notify.control;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The strftime conversions the original's formats use ({@code %d/%b %R}, {@code %Y-%m-%d %H:%M:%S %Z} ...), in
 * the C locale. An unknown conversion is written as it stands.
 */
public final class Strftime {

    private Strftime() {}

    public static String format(String pattern, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char f = pattern.charAt(++i);
            out.append(
                    switch (f) {
                        case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                        case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
                        case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                        case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
                        case 'd' -> two(t.getDayOfMonth());
                        case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
                        case 'H' -> two(t.getHour());
                        case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
                        case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
                        case 'm' -> two(t.getMonthValue());
                        case 'M' -> two(t.getMinute());
                        case 'p' -> t.getHour() < 12 ? "AM" : "PM";
                        case 'R' -> two(t.getHour()) + ":" + two(t.getMinute());
                        case 'S' -> two(t.getSecond());
                        case 's' -> Long.toString(t.toEpochSecond());
                        case 'T' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
                        case 'y' -> two(t.getYear() % 100);
                        case 'Y' -> Integer.toString(t.getYear());
                        case 'z' ->
                            t.getOffset().getId().equals("Z")
                                    ? "+0000"
                                    : t.getOffset().getId().replace(":", "");
                        case 'Z' -> t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case '%' -> "%";
                        default -> "%" + f;
                    });
        }
        return out.toString();
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }
}
