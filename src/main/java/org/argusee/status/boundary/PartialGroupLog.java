package org.argusee.status.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.argusee.status.control.Availability;
import org.argusee.status.control.DayTally;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * A group's transition log as a viewer who sees only part of it would have seen it: rebuilt from the kept logs of
 * the parts they see (the sources: children, or deeper objects where a child is itself partly hidden), replayed in
 * time order, with an entry wherever what the visible part shows changes. The group shows down if a source shows
 * down, else override, else depends, else up (the {@code gravity down} rule of {@code GroupStatus}, on what the
 * sources showed; the log does not keep their own status apart); severity the worst of the down sources'. Each
 * source's state before its oldest kept entry is that entry's {@code from}; before every source is known the group
 * is unknown, so the rebuilt log starts where the kept logs do (each keeps its last 200 entries).
 */
final class PartialGroupLog {

    private static final List<String> ORDER = List.of("down", "override", "depends", "up");

    /** One source's kept log entry. */
    record Entry(String source, TransitionView transition) {}

    private PartialGroupLog() {}

    /** The group's rebuilt log, oldest first; an entry's reason names the source that changed it. */
    static List<TransitionView> replay(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Entry e) -> e.transition().at())
                .thenComparingLong(e -> e.transition().id()));
        Map<String, TransitionView> state = new HashMap<>();
        for (Entry e : sorted) {
            // a source is known from its oldest kept entry's "from" on: as if an entry set it at the start
            state.putIfAbsent(
                    e.source(),
                    new TransitionView(
                            0,
                            e.transition().at(),
                            null,
                            e.transition().from(),
                            e.transition().from() == null ? null : "clear",
                            null));
        }
        String shown = shown(state.values());
        String severity = severity(state.values(), shown);
        List<TransitionView> log = new ArrayList<>();
        for (Entry e : sorted) {
            state.put(e.source(), e.transition());
            String now = shown(state.values());
            String nowSeverity = severity(state.values(), now);
            if (now != null && (!now.equals(shown) || !nowSeverity.equals(severity))) {
                String reason = e.transition().reason();
                log.add(new TransitionView(
                        e.transition().id(),
                        e.transition().at(),
                        shown,
                        now,
                        nowSeverity,
                        e.source() + ": " + e.transition().to() + (reason == null ? "" : " (" + reason + ")")));
                shown = now;
                severity = nowSeverity;
            }
        }
        return log;
    }

    /** The days up and down of a rebuilt log (oldest first) until {@code now}: up is "up", the rest is down. */
    static List<DayTally> days(List<TransitionView> log, Instant now) {
        List<DayTally> days = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            TransitionView t = log.get(i);
            Instant end = i + 1 < log.size() ? log.get(i + 1).at() : now;
            days.addAll(Availability.split(status(t.to()), t.at(), end));
            if (!"up".equals(t.to()) && (t.from() == null || "up".equals(t.from()))) {
                days.add(new DayTally(LocalDate.ofInstant(t.at(), ZoneOffset.UTC), 0, 0, 1));
            }
        }
        return days;
    }

    private static Status status(String shown) {
        return "up".equals(shown) ? Status.UP : Status.DOWN;
    }

    /** What the sources show together; null while one of them is not known yet. */
    private static String shown(Iterable<TransitionView> sources) {
        int best = ORDER.size() - 1;
        for (TransitionView t : sources) {
            if (t.to() == null) {
                return null;
            }
            best = Math.min(best, Math.max(0, ORDER.indexOf(t.to())));
        }
        return ORDER.get(best);
    }

    private static String severity(Iterable<TransitionView> sources, String shown) {
        if (!"down".equals(shown)) {
            return Severity.CLEAR.label();
        }
        Severity worst = Severity.CLEAR;
        for (TransitionView t : sources) {
            if ("down".equals(t.to())
                    && t.severity() != null
                    && Severity.fromLabel(t.severity()).worseThan(worst)) {
                worst = Severity.fromLabel(t.severity());
            }
        }
        return (worst == Severity.CLEAR ? Severity.CRITICAL : worst).label();
    }
}
