package org.argusee.notify.control;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code schedule} block of the original (Argus::Schedule): lines {@code day start-end => value}, the day
 * {@code *} or mon..sun, times as {@code 9:00} or {@code 0900} (a missing range is the whole day), e.g. the on-call
 * rota {@code schedule notify { mon 9:00-17:00 => mail:day@example.org  * => mail:night@example.org }}. The first
 * line that matches the local time gives the value; none matching means the plain parameter applies.
 */
public final class NotifySchedule {

    private static final Pattern LINE = Pattern.compile("^\\s*(\\S+)\\s*(.*?)\\s*=>\\s*(.+?)\\s*$");
    private static final Pattern RANGE = Pattern.compile("(\\d{3,4})\\s*-\\s*(\\d{3,4})");
    private static final Map<String, Integer> DAYS =
            Map.of("mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6, "sun", 7);

    private record Entry(int day, int start, int end, String value) {}

    private final List<Entry> entries;

    private NotifySchedule(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException naming the line at fault */
    public static NotifySchedule parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "schedule line '" + line.strip() + "': use 'day start-end => value'");
            }
            String day = m.group(1).toLowerCase(Locale.ROOT);
            if (!day.equals("*") && !day.equals("all") && !DAYS.containsKey(day)) {
                throw new IllegalArgumentException("schedule line '" + line.strip() + "': day '" + day
                        + "' is none of * mon tue wed thu fri sat sun");
            }
            String times = m.group(2).replace(":", "");
            int start = 0;
            int end = 2400;
            if (!times.isBlank()) {
                Matcher r = RANGE.matcher(times);
                if (!r.find()) {
                    throw new IllegalArgumentException(
                            "schedule line '" + line.strip() + "': times '" + m.group(2) + "' are not like 9:00-17:00");
                }
                start = Integer.parseInt(r.group(1));
                end = Integer.parseInt(r.group(2));
            }
            entries.add(new Entry(DAYS.getOrDefault(day, 0), start, end, m.group(3)));
        }
        return new NotifySchedule(entries);
    }

    public Optional<String> valueAt(ZonedDateTime t) {
        int day = t.getDayOfWeek().getValue();
        int time = t.getHour() * 100 + t.getMinute();
        for (Entry e : entries) {
            if ((e.day() == 0 || e.day() == day) && time >= e.start() && time <= e.end()) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }
}
