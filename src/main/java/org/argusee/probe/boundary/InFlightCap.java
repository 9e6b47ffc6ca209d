package org.argusee.probe.boundary;

import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.argusee.probe.control.net.NetLoop;

/**
 * How many more probes the tick may start now: the probes in flight on the network loop each hold a socket, and a
 * tick that starts every turn due whatever the loop's backlog ran a server of 500,000 services out of file
 * descriptors within seconds on a loaded machine (18,497 sockets waiting for the loop to close them;
 * docs/benchmarks.md, session 9). At the cap the tick leaves the turns due in the timetable for the next tick:
 * overload shows as lag, and the server keeps descriptors for everything else.
 */
final class InFlightCap {

    /** When the process's descriptor limit cannot be read. */
    static final int FALLBACK = 10_000;

    private final IntSupplier inFlight;
    private final int max;

    InFlightCap(IntSupplier inFlight, int max) {
        this.inFlight = inFlight;
        this.max = max;
    }

    /**
     * A tick that takes from {@code table} what is due by {@code clock} (ms, the table's time: {@link
     * org.argusee.platform.control.SteadyClock}), up to the room under half the file limit.
     */
    static <T> Runnable tick(Timetable<T> table, LongSupplier clock, IntSupplier inFlight, Timetable.Due<T> to) {
        InFlightCap cap = new InFlightCap(inFlight, halfTheFileLimit());
        // the probes a tick starts wake the network loop once, not once each
        return NetLoop.batched(() -> table.take(clock.getAsLong(), cap.room(), to));
    }

    /** Probes that may start now: never below 0. */
    int room() {
        return Math.max(0, max - inFlight.getAsInt());
    }

    /** Half the process's file descriptor limit (the other half for connections, files, the database pool). */
    static int halfTheFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            return (int) Math.max(100, Math.min(Integer.MAX_VALUE, os.getMaxFileDescriptorCount() / 2));
        }
        return FALLBACK;
    }
}
