package org.argusee.status.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Availability from status changes. Each change of an object's own status closes a period spent up or down,
 * which is split over the UTC days it covers and added to those days ({@link #split}); the period still running
 * is added when someone asks ({@link #summarise}). So the figures need neither the full transition log (only the
 * last 200 entries are kept) nor a job that runs every night.
 */
public final class Availability {

    private Availability() {}

    /** The time from {@code from} to {@code to} in {@code status}, by UTC day; empty if {@code to} is not later. */
    public static List<DayTally> split(Status status, Instant from, Instant to) {
        Objects.requireNonNull(status, "status");
        List<DayTally> days = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = dayEnd.isBefore(to) ? dayEnd : to;
            double seconds = Duration.between(start, end).toNanos() / 1e9;
            days.add(status == Status.UP ? new DayTally(day, seconds, 0, 0) : new DayTally(day, 0, seconds, 0));
            start = end;
        }
        return days;
    }

    /**
     * What one change adds to the stored days: when the own status changed (or became unknown), the period it
     * closes, plus a time down on the day it went down; when the object is first known as down, that time down.
     */
    public static List<DayTally> of(StateChange change) {
        LocalDate day = LocalDate.ofInstant(change.at(), ZoneOffset.UTC);
        List<DayTally> days = new ArrayList<>();
        if (change.statusChanged() || (change.before() != null && change.after() == null)) {
            days.addAll(split(change.before().status(), change.before().since(), change.at()));
        }
        if (change.wentDown()) {
            days.add(new DayTally(day, 0, 0, 1));
        }
        return days;
    }

    /**
     * Periods of {@code per} from the one holding {@code from} to the one holding {@code to}, oldest first.
     *
     * @param stored  the days stored for the object (any order, any range)
     * @param current the object's state now, or null if it is unknown: its running period is added
     */
    public static List<AvailabilityPeriod> summarise(
            List<DayTally> stored, ObjectState current, Instant now, Granularity per, LocalDate from, LocalDate to) {
        Map<LocalDate, DayTally> byPeriod = new TreeMap<>();
        List<DayTally> all = new ArrayList<>(stored);
        if (current != null) {
            all.addAll(split(current.status(), current.since(), now));
        }
        for (DayTally d : all) {
            LocalDate key = per.start(d.day());
            byPeriod.merge(key, new DayTally(key, d.upSeconds(), d.downSeconds(), d.timesDown()), DayTally::plus);
        }
        List<AvailabilityPeriod> periods = new ArrayList<>();
        for (LocalDate start = per.start(from); !start.isAfter(to); start = per.next(start)) {
            DayTally t = byPeriod.getOrDefault(start, new DayTally(start, 0, 0, 0));
            double known = t.upSeconds() + t.downSeconds();
            periods.add(new AvailabilityPeriod(
                    start,
                    per.next(start),
                    t.upSeconds(),
                    t.downSeconds(),
                    t.timesDown(),
                    known > 0 ? 100 * t.upSeconds() / known : null,
                    known > 0 ? 100 * t.downSeconds() / known : null));
        }
        return periods;
    }
}
