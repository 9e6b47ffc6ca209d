package org.argusee.darp.control.combine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.argusee.darp.control.duty.DarpMode;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.status.control.Severity;
import org.argusee.status.control.Status;

/**
 * A master's status for one object from every server's report, as the original's {@code DARP::Service::update}:
 * on a server with slaves, for mode distributed or redundant and a gravity other than self, the reports of the
 * servers in {@code darp_tags} are combined by {@link DarpGravity} (the table); otherwise the server's own
 * result is the status. Then {@link Quorums} may hold the status where it was.
 *
 * <p>Every server in {@code darp_tags} counts, with its last report, connected or not ({@code unknown} if it
 * never reported); ietf counts only this server and the slaves connected now. Reports from servers that are not
 * in {@code darp_tags} are ignored, as in the original.
 */
public final class ReportCombiner {

    private final DarpTopology here;

    public ReportCombiner(DarpTopology here) {
        this.here = Objects.requireNonNull(here, "here");
    }

    /**
     * @param reports   the last report of each server that sent one, this server's own included
     * @param connected tags of the slaves connected now (for ietf)
     * @param previous  the combined status before this one, null if none yet (for the quorums)
     * @param severity  the object's {@code severity}, for a down status no report gives one for
     * @throws IllegalArgumentException if two reports come from one server
     */
    public CombinedStatus combine(
            DarpParameters object,
            Collection<DarpReport> reports,
            Set<String> connected,
            DarpOutcome previous,
            Severity severity) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(connected, "connected");
        Objects.requireNonNull(severity, "severity");
        Map<String, DarpReport> latest = byTag(reports);
        Set<String> testers = object.tags().expand(here);
        String own = ownResultReason(object);
        if (own != null) {
            DarpReport mine = latest.get(here.self());
            List<DarpReport> counted = mine == null ? List.of() : List.of(mine);
            DarpOutcome outcome = DarpGravity.combine(counted, DarpGravity.SELF, Set.of(), severity);
            Set<String> watched = new TreeSet<>(testers);
            watched.add(here.self());
            List<DarpReport> seen = watched.stream()
                    .filter(latest::containsKey)
                    .map(latest::get)
                    .toList();
            boolean tested = mine != null && mine.state() != DarpState.UNKNOWN;
            return result(
                    outcome,
                    Basis.OWN_RESULT,
                    counted,
                    seen,
                    own + ": this server's own result" + (tested ? "" : " (none yet: up)"));
        }
        boolean ietf = object.gravity() == DarpGravity.IETF;
        List<DarpReport> counted = new ArrayList<>();
        for (String tag : testers) {
            if (!ietf || tag.equals(here.self()) || (here.slaves().contains(tag) && connected.contains(tag))) {
                counted.add(latest.getOrDefault(tag, DarpReport.never(tag)));
            }
        }
        Set<String> countedTags =
                new TreeSet<>(counted.stream().map(DarpReport::tag).toList());
        DarpOutcome byGravity = DarpGravity.combine(counted, object.gravity(), countedTags, severity);
        Tally tally = Tally.of(counted);
        Quorums.Decision d = Quorums.apply(object, byGravity, tally, previous);
        String scope = ietf
                ? " over the " + counted.size() + " server(s) connected now ("
                : " over " + counted.size() + " server(s) (";
        return result(
                d.outcome(),
                d.basis(),
                counted,
                counted,
                "darp_gravity " + object.gravity().label() + scope + tally.describe() + "): " + d.note());
    }

    /** Null when the reports are to be combined, else why this server's own result stands. */
    private String ownResultReason(DarpParameters object) {
        if (object.mode() != DarpMode.DISTRIBUTED && object.mode() != DarpMode.REDUNDANT) {
            return "darp_mode " + object.mode().label();
        }
        if (object.gravity() == DarpGravity.SELF) {
            return "darp_gravity self";
        }
        return here.isMaster() ? null : "no slaves";
    }

    private static CombinedStatus result(
            DarpOutcome outcome, Basis basis, List<DarpReport> counted, List<DarpReport> seen, String explanation) {
        List<String> failing = outcome.status() != Status.UP
                ? List.of()
                : seen.stream()
                        .filter(r -> r.state() == DarpState.DOWN || r.state() == DarpState.OVERRIDE)
                        .map(DarpReport::tag)
                        .toList();
        return new CombinedStatus(outcome, basis, counted, failing, explanation);
    }

    private Map<String, DarpReport> byTag(Collection<DarpReport> reports) {
        Map<String, DarpReport> m = new HashMap<>();
        for (DarpReport r : reports) {
            DarpReport mine =
                    new DarpReport(r.tag(), r.state(), r.severity(), r.tag().equals(here.self()));
            if (m.put(r.tag(), mine) != null) {
                throw new IllegalArgumentException("two reports from DARP server '" + r.tag() + "' for one object");
            }
        }
        return m;
    }
}
