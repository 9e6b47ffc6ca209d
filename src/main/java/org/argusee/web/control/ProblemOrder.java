package org.argusee.web.control;

import java.util.List;

/**
 * What is wrong first: down (critical, major, minor, warning), then depends, override, unknown. Within one rank
 * the dashboard puts the newest first, then orders by name.
 */
public final class ProblemOrder {

    /** The rank of what is not a problem (up). */
    public static final int UP = Integer.MAX_VALUE;

    private static final List<String> SEVERITIES = List.of("critical", "major", "minor", "warning", "clear");
    private static final List<String> STATES = List.of("down", "depends", "override", "unknown");

    private ProblemOrder() {}

    /** Lower is worse; {@link #UP} for up. */
    public static int rank(String displayStatus, String severity) {
        int state = STATES.indexOf(displayStatus);
        if (state < 0) {
            return UP;
        }
        if (state == 0) {
            int s = SEVERITIES.indexOf(severity);
            return s < 0 ? SEVERITIES.size() : s;
        }
        return SEVERITIES.size() + state;
    }
}
