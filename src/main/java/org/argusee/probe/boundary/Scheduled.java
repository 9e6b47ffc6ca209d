package org.argusee.probe.boundary;

import java.util.Map;
import org.argusee.platform.control.SteadyClock;
import org.argusee.probe.control.Probe;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.status.boundary.EntryPlace;

/**
 * A scheduled service: its turns in the timetable, what it was scheduled with (its type and parameters, to notice
 * changes), and everything a probe needs, worked out once when it is planned rather than at every probe. {@code
 * problem} says why its settings cannot make a spec (then {@code spec} is null and each probe reports that). {@code
 * duty}: whether this server tests it now. {@code watches}: the peer tag of a DARP/Watch service, else null.
 *
 * <p>One of these per service (500,000 in issue 17's stretch), so its two changing fields are plain volatile fields
 * of its own rather than an {@code AtomicLong} and an {@code AtomicBoolean} beside it (40 bytes a service). It is
 * the timetable's item itself, so a turn needs no look-up by id ({@link Scheduler}, issue 17, session 14); its
 * {@code probe} is what its monitor prepared from the spec when it was planned ({@link org.argusee.probe.control.Monitor#prepare}).
 */
final class Scheduled implements EntryPlace {

    private final long id;
    private final Timetable.Entry<Scheduled> turns;
    private final String type;
    private final String fullName;
    private final Map<String, String> params;
    private final Probe probe;
    private final ProbeSpec spec;
    private final String problem;
    private final ProbeDuty.Assignment duty;
    private final String watches;
    /**
     * While a failing service is retried after {@code retrydelay}, when that retry is due (ms of {@link
     * SteadyClock#SYSTEM}; 0: none).
     */
    private volatile long retryDue;
    /** What the duty said when last looked at (planned, or a change of the links or peers). */
    private volatile boolean tested;
    /** The status board's entry for it: a reply needs no look-up by id. The board's, under its lock. */
    private Object boardEntry;

    private Scheduled(
            long id,
            Timetable.Entry<Scheduled> turns,
            String fullName,
            ServicePlanner.Plan p,
            ProbeDuty.Assignment duty) {
        this.id = id;
        this.turns = turns;
        this.type = p.type();
        this.fullName = fullName;
        this.params = p.params();
        this.spec = p.spec();
        this.probe = spec == null ? null : p.monitor().prepare(spec);
        this.problem = p.problem();
        this.duty = duty;
        this.watches = p.watches();
        this.tested = duty.testsNow();
    }

    /**
     * Service {@code id} planned as {@code p}, with no retry due, tested here as its assignment says; its turns
     * {@code turns} (null in tests that take no turns).
     */
    static Scheduled of(
            long id,
            Timetable.Entry<Scheduled> turns,
            String fullName,
            ServicePlanner.Plan p,
            ProbeDuty.Assignment assignment) {
        return new Scheduled(id, turns, fullName, p, assignment);
    }

    /** Whether it was scheduled with what {@code p} says: the same type and parameters. */
    boolean sameAs(ServicePlanner.Plan p) {
        return type.equals(p.type()) && params.equals(p.params());
    }

    long id() {
        return id;
    }

    Timetable.Entry<Scheduled> turns() {
        return turns;
    }

    String fullName() {
        return fullName;
    }

    /** Its effective parameters: one immutable map, the same object at every reply. */
    Map<String, String> params() {
        return params;
    }

    /** Its probe as its monitor prepared it; null when its settings make no spec ({@link #problem}). */
    Probe probe() {
        return probe;
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

    @Override
    public Object boardEntry() {
        return boardEntry;
    }

    @Override
    public void boardEntry(Object entry) {
        boardEntry = entry;
    }

    /** Sets when the next retry is due (ms of {@link SteadyClock#SYSTEM}), 0 for none. */
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
        if (due == 0) {
            return false; // the usual case, at every turn: nothing more to read (issue 17)
        }
        long grace = spec == null ? 1000 : spec.timeout().toMillis() + 1000;
        return SteadyClock.SYSTEM.millis() < due + grace;
    }
}
