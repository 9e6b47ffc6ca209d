package org.argusee.argusconf.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a {@code schedule} block, {@code DAY [START - END] => VALUE}, checked by the rule the notifications
 * read it with ({@code notify.control.NotifySchedule}, which this component may not use: notify reaches it through
 * darp; {@code ScheduleLineTest} keeps the two in step). Argus 3.7 refused the same lines ({@code
 * Argus::Schedule::_parse}: "invalid schedule: invalid day spec 'someday'"), but for {@code * => yes}: its pattern
 * wants two blanks before {@code =>} when no times are given; that line is read here as written.
 */
final class ScheduleLine {

    private static final Pattern LINE = Pattern.compile("^\\s*(\\S+)\\s*(.*?)\\s*=>\\s*(.+?)\\s*$");
    private static final Pattern RANGE = Pattern.compile("(\\d{3,4})\\s*-\\s*(\\d{3,4})");
    private static final Set<String> DAYS = Set.of("*", "all", "mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private ScheduleLine() {}

    /** What is wrong with the line, if anything, worded to follow "invalid schedule line 'TEXT': ". */
    static Optional<String> problem(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return Optional.of("use 'day start-end => value'");
        }
        String day = m.group(1).toLowerCase(Locale.ROOT);
        if (!DAYS.contains(day)) {
            return Optional.of("day '" + day + "' is none of * mon tue wed thu fri sat sun");
        }
        String times = m.group(2).replace(":", "");
        if (!times.isBlank() && !RANGE.matcher(times).find()) {
            return Optional.of("times '" + m.group(2) + "' are not like 9:00-17:00");
        }
        return Optional.empty();
    }
}
