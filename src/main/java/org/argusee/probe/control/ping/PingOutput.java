package org.argusee.probe.control.ping;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what fping and ping print. fping (with {@code -e}) prints a line per host as its answer comes:
 * {@code 10.0.0.1 is alive (0.42 ms)}, {@code 10.0.0.2 is unreachable}, ICMP errors
 * {@code ICMP Host Unreachable from 10.0.0.254 for ICMP Echo sent to 10.0.0.3}, and per-host errors
 * {@code 10.0.0.4: error while sending ping: No route to host}; hosts are printed as they were given.
 */
final class PingOutput {

    /** What a line says about one host: its round-trip time in ms, or why it is down. */
    record HostResult(String host, String millis, String reason) {

        boolean alive() {
            return millis != null;
        }
    }

    static final String NO_RESPONSE = "no response";

    private static final Pattern ALIVE = Pattern.compile("^(\\S+) is alive(?: \\((\\d+(?:\\.\\d+)?) ms\\))?.*");
    private static final Pattern UNREACHABLE = Pattern.compile("^(\\S+) is unreachable.*");
    private static final Pattern ICMP = Pattern.compile("^ICMP (.+?) from \\S+ for ICMP Echo sent to (\\S+).*");
    private static final Pattern HOST_ERROR = Pattern.compile("^(\\S+?): (.+)$");
    private static final Pattern PING_TIME = Pattern.compile("time[=<](\\d+(?:\\.\\d+)?) ?ms");

    private PingOutput() {}

    /** The host a fping line is about, and what it says; empty for a line about no host (a general error). */
    static Optional<HostResult> fping(String line) {
        Matcher m = ALIVE.matcher(line);
        if (m.matches()) {
            // without -e fping gives no time; the host answered, which is the test
            return Optional.of(new HostResult(m.group(1), m.group(2) == null ? "" : m.group(2), null));
        }
        m = UNREACHABLE.matcher(line);
        if (m.matches()) {
            return Optional.of(new HostResult(m.group(1), null, NO_RESPONSE));
        }
        m = ICMP.matcher(line);
        if (m.matches()) {
            return Optional.of(new HostResult(m.group(2), null, m.group(1).toLowerCase(Locale.ROOT)));
        }
        m = HOST_ERROR.matcher(line);
        if (m.matches() && !m.group(1).equals("fping")) {
            return Optional.of(new HostResult(m.group(1), null, m.group(2).strip()));
        }
        return Optional.empty();
    }

    /** The round-trip time of the system ping's reply line ({@code ... time=0.062 ms}), if it is one. */
    static Optional<String> pingTime(String line) {
        Matcher m = PING_TIME.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
