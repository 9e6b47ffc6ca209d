package org.argusee.status.boundary;

import java.util.ArrayList;
import java.util.List;
import org.argusee.status.control.Availability;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.EndedOverride;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.Outcome;
import org.argusee.status.control.StateChange;
import org.argusee.status.control.StatusGraph;

/**
 * The {@link StatusBoard}'s changes on their way to the database: each state change of the graph as the row
 * {@link StatusWriter} stores (with the log's reason and the last check), and the overrides that ended; the writer is
 * woken when there are any. Not thread-safe: the board calls it under its lock.
 */
final class ChangeRows {

    private final StatusGraph graph;
    private final CheckTimes checks;
    private final WriterWakeup wakeup;
    private List<StatusRow> rows = new ArrayList<>();
    private List<EndedOverride> ended = new ArrayList<>();

    ChangeRows(StatusGraph graph, CheckTimes checks, WriterWakeup wakeup) {
        this.graph = graph;
        this.checks = checks;
        this.wakeup = wakeup;
    }

    /** Queues what the outcome changed and wakes the writer when that is anything (most probes change nothing). */
    void add(Outcome outcome) {
        if (outcome.isEmpty()) {
            return;
        }
        ended.addAll(outcome.ended());
        for (StateChange change : outcome.changes()) {
            long id = change.objectId();
            String fullName = graph.tree().byId(id).map(n -> n.fullName()).orElse(null);
            LastCheck check = checks.get(id);
            // shown as override also when it is down only through other servers' overrides (DARP)
            boolean inOverride = change.after() != null
                            && (change.after().overridden()
                                    || change.after().display().state() == DisplayState.OVERRIDE)
                    || graph.overriddenAncestor(id, change.at()).isPresent();
            rows.add(new StatusRow(
                    id,
                    fullName,
                    change,
                    check == null ? null : check.result(),
                    check == null ? null : check.at(),
                    Availability.of(change),
                    inOverride,
                    logReason(change)));
        }
        wakeup.arrived();
    }

    List<StatusRow> drainRows() {
        List<StatusRow> taken = rows;
        rows = new ArrayList<>();
        return taken;
    }

    List<EndedOverride> drainEnded() {
        List<EndedOverride> taken = ended;
        ended = new ArrayList<>();
        return taken;
    }

    /** The log's reason: why it is down, whose override it is, which dependency is down. */
    private String logReason(StateChange change) {
        ObjectState s = change.after();
        if (s == null) {
            return null;
        }
        return switch (s.display().state()) {
            case OVERRIDE ->
                graph.override(change.objectId())
                        .map(o -> "override by " + o.user() + ": " + o.text())
                        .orElse(s.reason() != null ? s.reason() : "override");
            case DEPENDS -> "depends on " + s.display().culprit();
            case DOWN -> s.reason();
            case UP -> null;
        };
    }
}
