package org.argusee.probe.boundary;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;

/**
 * A scheduled service: its turns in the timetable, what it was scheduled with (to notice changes), and everything a probe needs,
 * worked out once when it is planned rather than at every probe. {@code problem} says why its settings cannot
 * make a spec (then {@code spec} is null and each probe reports that). {@code retryDue}: while a failing
 * service is retried after {@code retrydelay}, when that retry is due (epoch ms; 0 when none is).
 * {@code duty}: whether this server tests it now; {@code tested}: what the duty said when last looked at
 * (planned, or a change of the links or peers), to find the services that have just become tested here.
 * {@code watches}: the peer tag of a DARP/Watch service, else null.
 */
record Scheduled(
        Timetable.Entry<Long> turns,
        String fingerprint,
        String fullName,
        Map<String, String> params,
        Monitor monitor,
        ProbeSpec spec,
        String problem,
        AtomicLong retryDue,
        ProbeDuty.Assignment duty,
        AtomicBoolean tested,
        String watches) {

    /** A service planned as {@code p}, with no retry due, tested here as its assignment says. */
    static Scheduled of(
            Timetable.Entry<Long> turns, String fullName, ServicePlanner.Plan p, ProbeDuty.Assignment assignment) {
        return new Scheduled(
                turns,
                p.fingerprint(),
                fullName,
                p.params(),
                p.monitor(),
                p.spec(),
                p.problem(),
                new AtomicLong(),
                assignment,
                new AtomicBoolean(assignment.testsNow()),
                p.watches());
    }

    /** A retry is due and has not overrun by more than the probe's timeout: it will report in time. */
    boolean retryPending() {
        long due = retryDue.get();
        long grace = spec == null ? 1000 : spec.timeout().toMillis() + 1000;
        return due != 0 && System.currentTimeMillis() < due + grace;
    }
}
