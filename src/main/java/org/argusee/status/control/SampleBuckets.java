package org.argusee.status.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Result samples gathered in memory: per service, the minute under way and the hour under way. A minute is
 * stored once it is over (so at most one row per service and minute, however often it is probed) and added to its
 * hour; an hour is stored once it is over and added to its day. Not thread-safe: the caller serialises.
 */
public final class SampleBuckets {

    private final Map<Long, Sample> minutes = new HashMap<>();
    private final Map<Long, Sample> hours = new HashMap<>();

    /** Adds one probe; returns the buckets this closed. */
    public List<SampleRow> add(long id, Instant at, boolean ok, Double value, Duration elapsed) {
        List<SampleRow> closed = new ArrayList<>();
        Instant minute = Resolution.MINUTE.start(at);
        Sample current = minutes.get(id);
        if (current != null && current.start().isBefore(minute)) {
            closeMinute(id, current, closed);
            current = null;
            Sample hour = hours.get(id);
            if (hour != null && hour.start().isBefore(Resolution.HOUR.start(at))) {
                hours.remove(id);
                closed.add(new SampleRow(id, Resolution.HOUR, hour));
            }
        }
        Sample probe = Sample.of(minute, ok, value, elapsed);
        minutes.put(id, current == null ? probe : current.plus(probe, current.start()));
        return closed;
    }

    /** Closes the minutes and hours that are over at {@code now} (for services probed less than once a minute). */
    public List<SampleRow> closeBefore(Instant now) {
        List<SampleRow> closed = new ArrayList<>();
        Instant minute = Resolution.MINUTE.start(now);
        for (Map.Entry<Long, Sample> e : List.copyOf(minutes.entrySet())) {
            if (e.getValue().start().isBefore(minute)) {
                minutes.remove(e.getKey());
                closeMinute(e.getKey(), e.getValue(), closed);
            }
        }
        Instant hour = Resolution.HOUR.start(now);
        for (Map.Entry<Long, Sample> e : List.copyOf(hours.entrySet())) {
            if (e.getValue().start().isBefore(hour)) {
                hours.remove(e.getKey());
                closed.add(new SampleRow(e.getKey(), Resolution.HOUR, e.getValue()));
            }
        }
        return closed;
    }

    /** Everything still in memory, for a shutdown: nothing is lost, a later restart's rows add to these. */
    public List<SampleRow> closeAll() {
        List<SampleRow> closed = new ArrayList<>();
        minutes.forEach((id, s) -> closed.add(new SampleRow(id, Resolution.MINUTE, s)));
        minutes.forEach(
                (id, s) -> hours.merge(id, s.at(Resolution.HOUR.start(s.start())), (a, b) -> a.plus(b, a.start())));
        hours.forEach((id, s) -> closed.add(new SampleRow(id, Resolution.HOUR, s)));
        minutes.clear();
        hours.clear();
        return closed;
    }

    /**
     * The part of the bucket of {@code resolution} holding {@code now} that is still in memory: the minute under
     * way, the hour under way with it, or for a day those two (the day's closed hours are stored).
     */
    public Optional<Sample> current(long id, Resolution resolution, Instant now) {
        Instant start = resolution.start(now);
        Sample sum = null;
        for (Sample s : new Sample[] {minutes.get(id), resolution == Resolution.MINUTE ? null : hours.get(id)}) {
            if (s != null && !s.start().isBefore(start)) {
                sum = sum == null ? s.at(start) : sum.plus(s, start);
            }
        }
        return Optional.ofNullable(sum);
    }

    public void forget(long id) {
        minutes.remove(id);
        hours.remove(id);
    }

    private void closeMinute(long id, Sample minute, List<SampleRow> closed) {
        closed.add(new SampleRow(id, Resolution.MINUTE, minute));
        Instant hour = Resolution.HOUR.start(minute.start());
        Sample open = hours.get(id);
        if (open != null && open.start().isBefore(hour)) {
            closed.add(new SampleRow(id, Resolution.HOUR, open));
            open = null;
        }
        hours.put(id, open == null ? minute.at(hour) : open.plus(minute, hour));
    }
}
