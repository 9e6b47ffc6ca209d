package org.argusee.probe.boundary;

import jakarta.ejb.Timer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;

/**
 * A scheduled service: its timer, what it was scheduled with (to notice changes), and everything a probe needs,
 * worked out once when it is planned rather than at every probe. {@code problem} says why its settings cannot
 * make a spec (then {@code spec} is null and each probe reports that). {@code retryDue}: while a failing
 * service is retried after {@code retrydelay}, when that retry is due (epoch ms; 0 when none is).
 * {@code duty}: whether this server tests it now; {@code tested}: what the duty said when last looked at
 * (planned, or a change of the links or peers), to find the services that have just become tested here.
 * {@code watches}: the peer tag of a DARP/Watch service, else null.
 */
record Scheduled(
        Timer timer,
        String fingerprint,
        String fullName,
        Map<String, String> params,
        Monitor monitor,
        ProbeSpec spec,
        String problem,
        long firstAt,
        long interval,
        AtomicLong retryDue,
        ProbeDuty.Assignment duty,
        AtomicBoolean tested,
        String watches) {

    /**
     * When the expiry now running was due: the multiple of the interval after the first expiry nearest to now.
     * Nearest, not last: a timer may fire a millisecond early, which is no lag of a whole interval. A lag over
     * half an interval reads as early (0); by then probes/s falls behind the plan, which the benchmark shows.
     */
    long plannedAt(long now) {
        long offset = Math.floorMod(now - firstAt, interval);
        return now - (offset > interval / 2 ? offset - interval : offset);
    }

    /** A retry is due and has not overrun by more than the probe's timeout: it will report in time. */
    boolean retryPending() {
        long due = retryDue.get();
        long grace = spec == null ? 1000 : spec.timeout().toMillis() + 1000;
        return due != 0 && System.currentTimeMillis() < due + grace;
    }
}
