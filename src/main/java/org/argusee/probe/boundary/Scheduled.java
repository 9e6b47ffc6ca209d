package org.argusee.probe.boundary;

import java.util.Map;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;

/**
 * A scheduled service: its turns in the timetable, what it was scheduled with (its type and parameters, to notice
 * changes), and everything a probe needs, worked out once when it is planned rather than at every probe. {@code
 * problem} says why its settings cannot make a spec (then {@code spec} is null and each probe reports that). {@code
 * duty}: whether this server tests it now. {@code watches}: the peer tag of a DARP/Watch service, else null.
 *
 * <p>One of these per service (500,000 in issue 17's stretch), so its two changing fields are plain volatile fields
 * of its own rather than an {@code AtomicLong} and an {@code AtomicBoolean} beside it (40 bytes a service).
 */
final class Scheduled {

    private final Timetable.Entry<Long> turns;
    private final String type;
    private final String fullName;
    private final Map<String, String> params;
    private final Monitor monitor;
    private final ProbeSpec spec;
    private final String problem;
    private final ProbeDuty.Assignment duty;
    private final String watches;
    /** While a failing service is retried after {@code retrydelay}, when that retry is due (epoch ms; 0: none). */
    private volatile long retryDue;
    /** What the duty said when last looked at (planned, or a change of the links or peers). */
    private volatile boolean tested;

    private Scheduled(Timetable.Entry<Long> turns, String fullName, ServicePlanner.Plan p, ProbeDuty.Assignment duty) {
        this.turns = turns;
        this.type = p.type();
        this.fullName = fullName;
        this.params = p.params();
        this.monitor = p.monitor();
        this.spec = p.spec();
        this.problem = p.problem();
        this.duty = duty;
        this.watches = p.watches();
        this.tested = duty.testsNow();
    }

    /** A service planned as {@code p}, with no retry due, tested here as its assignment says. */
    static Scheduled of(
            Timetable.Entry<Long> turns, String fullName, ServicePlanner.Plan p, ProbeDuty.Assignment assignment) {
        return new Scheduled(turns, fullName, p, assignment);
    }

    /** Whether it was scheduled with what {@code p} says: the same type and parameters. */
    boolean sameAs(ServicePlanner.Plan p) {
        return type.equals(p.type()) && params.equals(p.params());
    }

    Timetable.Entry<Long> turns() {
        return turns;
    }

    String fullName() {
        return fullName;
    }

    /** Its effective parameters: one immutable map, the same object at every reply. */
    Map<String, String> params() {
        return params;
    }

    Monitor monitor() {
        return monitor;
    }

    ProbeSpec spec() {
        return spec;
    }

    String problem() {
        return problem;
    }

    ProbeDuty.Assignment duty() {
        return duty;
    }

    String watches() {
        return watches;
    }

    /** Sets when the next retry is due (epoch ms), 0 for none. */
    void retryDue(long at) {
        retryDue = at;
    }

    /** Notes what the duty says now; returns what it said last time. Callers serialise calls ({@link Takeover}). */
    boolean testedWas(boolean now) {
        boolean was = tested;
        tested = now;
        return was;
    }

    /** A retry is due and has not overrun by more than the probe's timeout: it will report in time. */
    boolean retryPending() {
        long due = retryDue;
        long grace = spec == null ? 1000 : spec.timeout().toMillis() + 1000;
        return due != 0 && System.currentTimeMillis() < due + grace;
    }
}
