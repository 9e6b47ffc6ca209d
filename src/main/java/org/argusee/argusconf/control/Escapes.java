package org.argusee.argusconf.control;

/**
 * The original's escapes: {@code \n}, {@code \r}, {@code \xHH}, {@code \#} and {@code \&} (nothing, so that
 * {@code \x41\&1} is "A1"); any other backslash is an
 * ordinary character, so regular expressions such as {@code argus-3\.5\.tgz} read as written. Decoding is
 * one pass, left to right, so {@code \x5cn} is a backslash and an n, never a newline.
 */
public final class Escapes {

    private static final String HEX = "0123456789abcdef";

    private Escapes() {}

    public static String decode(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            char next = i + 1 < n ? raw.charAt(i + 1) : 0;
            if (c != '\\') {
                out.append(c);
            } else if (next == 'n' || next == 'r' || next == '#') {
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : '#');
                i++;
            } else if (next == '&') {
                i++; // the original's empty escape (Conf.pm: s/\\&//g), which separates \xHH from a digit
            } else if (next == 'x' && i + 3 < n && hex(raw.charAt(i + 2)) >= 0 && hex(raw.charAt(i + 3)) >= 0) {
                out.append((char) (hex(raw.charAt(i + 2)) * 16 + hex(raw.charAt(i + 3))));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A value written so that the reader gives it back unchanged: newlines, {@code #}, control characters,
     * whitespace at either end (the reader trims it) and any backslash the reader would take for an escape
     * or a line continuation are escaped.
     */
    public static String encode(String value) {
        return encode(value, false);
    }

    /** As {@link #encode}, and {@code "} too, for names and targets written between quotes. */
    public static String encodeQuoted(String value) {
        return encode(value, true);
    }

    private static String encode(String value, boolean quoted) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        int n = value.length();
        int first = 0;
        while (first < n && value.charAt(first) <= ' ') {
            first++;
        }
        int last = n - 1;
        while (last >= first && value.charAt(last) <= ' ') {
            last--;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean edge = i < first || i > last;
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '#') {
                out.append("\\#");
            } else if (c == '\\') {
                char next = i + 1 < n ? value.charAt(i + 1) : 0;
                boolean special = next == 0 || next == 'n' || next == 'r' || next == '#' || next == 'x' || next == '&';
                out.append(special ? "\\x5c" : "\\");
            } else if (edge || (Character.isISOControl(c) && c != '\t') || (quoted && c == '"')) {
                out.append(hexEscape(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String hexEscape(char c) {
        if (c > 0xff) {
            // only reached for controls above Latin-1, which Character.isISOControl never reports
            return String.valueOf(c);
        }
        return "\\x" + HEX.charAt(c >> 4) + HEX.charAt(c & 15);
    }

    /** ASCII only: Character.digit would also take full-width and other script digits. */
    private static int hex(char c) {
        return c < 128 ? HEX.indexOf(Character.toLowerCase(c)) : -1;
    }
}
