package org.argusee.status.control.evaluation;

import java.util.HexFormat;

/**
 * The original's {@code unpack}: {@code $value = unpack($template, $value)}, Perl's unpack in scalar context, so
 * the first value the template gives. The letters binary protocols use: {@code C} (unsigned byte), {@code c}
 * (signed byte), {@code n}/{@code N} (unsigned 16/32 bits, big-endian), {@code v}/{@code V} (the same,
 * little-endian), {@code a} (bytes as they are), {@code A} (bytes, trailing spaces and NULs stripped), {@code H}
 * (hex digits, high nybble first; the count is in digits), {@code x} (skip bytes); each with a count or {@code *}
 * (the rest). Spaces between items are allowed, as in Perl. The value holds one byte per character (the monitors
 * read replies as ISO-8859-1). Where Perl gave undef (the data too short), this fails with a reason instead.
 */
final class Unpack {

    private Unpack() {}

    /** @throws IllegalArgumentException naming the problem (a letter not supported, the data too short) */
    static String first(String template, String value) {
        int pos = 0;
        int i = 0;
        while (i < template.length()) {
            char letter = template.charAt(i++);
            if (Character.isWhitespace(letter)) {
                continue;
            }
            int count = 1;
            boolean rest = false;
            if (i < template.length() && template.charAt(i) == '*') {
                rest = true;
                i++;
            } else {
                int digits = i;
                while (i < template.length() && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                if (i > digits) {
                    count = Integer.parseInt(template.substring(digits, Math.min(i, digits + 9)));
                }
            }
            int left = value.length() - pos;
            switch (letter) {
                case 'x' -> {
                    int skip = rest ? 0 : count;
                    if (skip > left) {
                        throw new IllegalArgumentException("unpack '" + template + "': x" + skip
                                + " goes past the end of the data (" + value.length() + " bytes)");
                    }
                    pos += skip;
                }
                case 'a', 'A', 'H' -> {
                    return text(letter, rest, count, value, pos, template);
                }
                case 'C', 'c', 'n', 'N', 'v', 'V' -> {
                    return Long.toString(number(letter, value, pos, template));
                }
                default ->
                    throw new IllegalArgumentException(
                            "unpack '" + template + "': letter '" + letter + "' is not supported here");
            }
        }
        throw new IllegalArgumentException("unpack '" + template + "' gives no value");
    }

    private static String text(char letter, boolean rest, int count, String value, int pos, String template) {
        int left = value.length() - pos;
        if (letter == 'H') {
            int bytes = rest ? left : Math.min(left, (count + 1) / 2);
            StringBuilder hex = new StringBuilder();
            for (int k = 0; k < bytes; k++) {
                hex.append(HexFormat.of().toHexDigits((byte) value.charAt(pos + k)));
            }
            return rest || hex.length() <= count ? hex.toString() : hex.substring(0, count);
        }
        String s = value.substring(pos, pos + (rest ? left : Math.min(left, count)));
        if (letter == 'A') {
            int end = s.length();
            while (end > 0
                    && (s.charAt(end - 1) == ' '
                            || s.charAt(end - 1) == '\0'
                            || s.charAt(end - 1) == '\n'
                            || s.charAt(end - 1) == '\t'
                            || s.charAt(end - 1) == '\r')) {
                end--;
            }
            s = s.substring(0, end);
        }
        if (s.isEmpty() && left == 0) {
            throw new IllegalArgumentException("unpack '" + template + "': no data left for " + letter);
        }
        return s;
    }

    private static long number(char letter, String value, int pos, String template) {
        int size =
                switch (letter) {
                    case 'C', 'c' -> 1;
                    case 'n', 'v' -> 2;
                    default -> 4;
                };
        if (value.length() - pos < size) {
            throw new IllegalArgumentException("unpack '" + template + "': " + letter + " needs " + size
                    + " bytes at offset " + pos + ", the data has " + value.length());
        }
        long n = 0;
        for (int k = 0; k < size; k++) {
            int b = value.charAt(pos + k) & 0xff;
            n = letter == 'v' || letter == 'V' ? n | ((long) b << (8 * k)) : (n << 8) | b;
        }
        return letter == 'c' ? (byte) n : n;
    }
}
