package org.argusee.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A clock for measuring how long things take and when they fall due (the probe ticks, DARP liveness): it reads as
 * the wall clock did when it was made, then moves on with the monotonic clock ({@link System#nanoTime}), so a step
 * of the wall clock (an NTP step, a VM resumed, an admin's {@code date -s}) does not move it. With the wall clock
 * set back 10 minutes, a tick that compared epoch times waited those 10 minutes for its next turn; set forward two
 * hours, every DARP peer looked silent for two hours and was dropped (docs/reliability.md, "clockstep"). Its
 * instants are not for showing: {@link #toWall} gives the wall time of one.
 */
public final class SteadyClock extends Clock {

    /** The process's steady clock. */
    public static final SteadyClock SYSTEM = new SteadyClock(System::currentTimeMillis, System::nanoTime);

    private final LongSupplier wall;
    private final LongSupplier nanos;
    private final long anchorMillis;
    private final long anchorNanos;

    /** Reading {@code wall} (epoch ms) once now and then {@code nanos} (a monotonic count of ns); tests pass both. */
    public SteadyClock(LongSupplier wall, LongSupplier nanos) {
        this.wall = wall;
        this.nanos = nanos;
        this.anchorNanos = nanos.getAsLong();
        this.anchorMillis = wall.getAsLong();
    }

    /** Now, in ms from the epoch as the wall clock read at the start, moved on by the monotonic clock since. */
    @Override
    public long millis() {
        return anchorMillis + Math.floorDiv(nanos.getAsLong() - anchorNanos, 1_000_000L);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(anchorMillis).plusNanos(nanos.getAsLong() - anchorNanos);
    }

    /** The wall time of a steady instant: as long before the wall clock's now as it is before this clock's now. */
    public Instant toWall(Instant steady) {
        return Instant.ofEpochMilli(wall.getAsLong()).minus(Duration.between(steady, instant()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a steady clock is in UTC only");
    }
}
