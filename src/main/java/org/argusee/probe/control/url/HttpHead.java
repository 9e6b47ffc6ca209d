package org.argusee.probe.control.url;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code TCP/URL} probe needs from an answer's head: the status line, its code, and where a redirect
 * points.
 *
 * @param location the {@code Location} header, null if there is none
 */
record HttpHead(String statusLine, int status, String location) {

    private static final Pattern STATUS = Pattern.compile("\\AHTTP/\\d+(?:\\.\\d+)?\\s+(\\d{3})\\b");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** Empty when the answer does not start like HTTP. Reads the head only, not the body. */
    static Optional<HttpHead> parse(String raw) {
        int eol = raw.indexOf('\n');
        String first = (eol < 0 ? raw : raw.substring(0, eol)).strip();
        Matcher m = STATUS.matcher(first);
        if (!m.find()) {
            return Optional.empty();
        }
        String location = null;
        int at = eol + 1;
        while (eol >= 0 && at < raw.length() && location == null) {
            eol = raw.indexOf('\n', at);
            String line = (eol < 0 ? raw.substring(at) : raw.substring(at, eol)).strip();
            if (line.isEmpty()) {
                break; // the end of the head
            }
            if (line.regionMatches(true, 0, "location:", 0, 9)) {
                location = line.substring(9).strip();
            }
            at = eol + 1;
        }
        return Optional.of(new HttpHead(first, Integer.parseInt(m.group(1)), location));
    }

    boolean redirect() {
        return REDIRECTS.contains(status) && location != null && !location.isEmpty();
    }

    /** The first line of any answer, short and printable, for a reason. */
    static String firstLine(String raw) {
        int end = raw.indexOf('\n');
        String line = (end < 0 ? raw : raw.substring(0, end)).strip().replaceAll("\\p{Cntrl}", "?");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }
}
