package org.argusee.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.argusee.status.boundary.LastCheck;
import org.argusee.status.boundary.StatusBoard;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.StatusCounts;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.web.control.DashboardRow;
import org.argusee.web.control.ProblemOrder;
import org.argusee.web.control.SeenStates;
import org.argusee.web.control.Visibility;

/** Rows of the dashboard from the in-memory status board and tree: no database query. */
@ApplicationScoped
public class DashboardRows {

    public static final String UNKNOWN = StatusCounts.UNKNOWN;
    private static final List<String> COUNT_KEYS = List.of("up", "down", "override", "depends", UNKNOWN);

    @Inject
    StatusBoard board;

    /** What the viewer with this visibility sees of the objects, for one answer or one round of pushes. */
    public SeenStates seen(Visibility visibility) {
        return new SeenStates(id -> board.state(id).orElse(null), visibility);
    }

    public DashboardRow row(TreeNode node, SeenStates seen) {
        return row(node, seen, null);
    }

    /** @param counted the object's counts if already known (see {@code SubtreeCounts}), else null */
    public DashboardRow row(TreeNode node, SeenStates seen, Map<String, Integer> counted) {
        ObjectState s = seen.state(node);
        LastCheck check =
                node.kind() == ObjectKind.SERVICE ? board.lastCheck(node.id()).orElse(null) : null;
        boolean leaf = node.kind() == ObjectKind.SERVICE || node.kind() == ObjectKind.ALIAS;
        return new DashboardRow(
                node.fullName(),
                node.kind() == ObjectKind.TOP ? "Top" : node.name(),
                node.kind().label(),
                node.type(),
                s == null ? UNKNOWN : s.status().label(),
                displayStatus(s),
                s == null ? null : s.display().severity().label(),
                s == null ? null : s.reason(),
                seen.since(node),
                check == null ? null : check.at(),
                leaf ? null : counted != null ? counted : counts(node, seen),
                node.children().stream().anyMatch(seen.visibility()::sees));
    }

    /** What the object shows, "unknown" while it has no state. */
    public String displayStatus(TreeNode node, SeenStates seen) {
        return displayStatus(seen.state(node));
    }

    /** Where the object goes in the list of problems ({@link ProblemOrder#rank}) and since when, from its state. */
    public Problem problem(TreeNode node, SeenStates seen) {
        ObjectState s = seen.state(node);
        return new Problem(
                node,
                ProblemOrder.rank(
                        displayStatus(s),
                        s == null ? null : s.display().severity().label()),
                seen.since(node));
    }

    /** An object not up, with what orders it among the others (worst first, then newest, then by name). */
    public record Problem(TreeNode node, int rank, Instant since) {

        public static final Comparator<Problem> WORST_FIRST = Comparator.comparingInt(Problem::rank)
                .thenComparing(Problem::since, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(p -> p.node().fullName());

        public boolean up() {
            return rank == ProblemOrder.UP;
        }
    }

    private static String displayStatus(ObjectState s) {
        return s == null ? UNKNOWN : s.display().state().label();
    }

    /** Services (and aliases) under the object by what they show, every key present. */
    public Map<String, Integer> counts(TreeNode node, SeenStates seen) {
        Map<String, Integer> raw = StatusCounts.under(node, seen::state, seen.visibility()::sees);
        Map<String, Integer> counts = new LinkedHashMap<>();
        COUNT_KEYS.forEach(k -> counts.put(k, raw.getOrDefault(k, 0)));
        return counts;
    }
}
