package org.argusee.web.control;

/** Checks on paths and names that come from a browser, before they go into a redirect or a log line. */
public final class LocalPaths {

    private LocalPaths() {}

    /**
     * {@code next} when it is a path on this server ("/..." but not "//host" or "/\host", which browsers read as
     * another host; no control characters), else "/". An open redirect would let a link to the login page send a
     * person anywhere.
     */
    public static String orRoot(String next) {
        if (next == null
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return "/";
            }
        }
        return next;
    }

    /** For a log line: at most 64 characters, control characters replaced, so a name cannot forge log lines. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
