package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.argusee.status.boundary.StatusDetail.DependencyView;
import org.argusee.status.control.DisplayState;
import org.argusee.status.control.ObjectState;
import org.argusee.status.control.StatusCounts;
import org.argusee.status.control.StatusGraph;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;

/** Builds the status API's views from the board (memory only). */
@ApplicationScoped
public class StatusViews {

    static final String UNKNOWN = StatusView.UNKNOWN_LABEL;

    @Inject
    StatusBoard board;

    /** As stored; with {@code live}, as just worked out (the answer to the caller's own change). */
    public StatusDetail detail(TreeNode node, boolean live) {
        StatusGraph graph = board.graph();
        Instant now = Instant.now();
        ObjectState s = (live ? board.live(node.id()) : board.state(node.id())).orElse(null);
        LastCheck check = board.lastCheck(node.id()).orElse(null);
        List<DependencyView> depends = new ArrayList<>();
        for (long d : graph.links().dependencies(node.id())) {
            graph.tree()
                    .byId(d)
                    .ifPresent(n -> depends.add(new DependencyView(
                            n.fullName(),
                            board.state(d).map(x -> x.status().label()).orElse(UNKNOWN))));
        }
        return new StatusDetail(
                node.fullName(),
                node.kind().label(),
                s == null ? UNKNOWN : s.status().label(),
                s == null ? UNKNOWN : s.display().state().label(),
                s == null ? null : s.display().severity().label(),
                s == null ? null : s.severity().label(),
                s == null ? null : s.reason(),
                check == null ? null : check.result(),
                s == null ? null : s.since(),
                check == null ? null : check.at(),
                check == null || check.elapsed() == null
                        ? null
                        : check.elapsed().toNanos() / 1e6,
                check == null ? null : check.failures(),
                check == null ? null : check.reason(),
                s == null ? null : s.display().culprit(),
                depends.isEmpty() ? null : depends,
                OverrideView.of(graph.override(node.id()).orElse(null)),
                graph.overriddenAncestor(node.id(), now).map(TreeNode::fullName).orElse(null),
                counts(node));
    }

    public List<ChildStatus> children(TreeNode node) {
        return node.children().stream().map(this::brief).toList();
    }

    /**
     * Objects that show something other than up, or carry an override, in tree order; at most {@code limit} of
     * those {@code seen} (null: all) sees, with their state as it sees them.
     */
    public List<ChildStatus> problems(int limit, ListingScope.Seen seen) {
        Function<TreeNode, ObjectState> state =
                seen == null ? n -> board.state(n.id()).orElse(null) : seen::state;
        Predicate<TreeNode> sees = seen == null ? n -> true : seen::sees;
        return board.tree()
                .nodes()
                .filter(sees)
                .filter(n -> {
                    ObjectState s = state.apply(n);
                    return s != null && (s.display().state() != DisplayState.UP || s.overridden());
                })
                .limit(limit)
                .map(n -> brief(n, state.apply(n), StatusCounts.under(n, state, sees)))
                .toList();
    }

    ChildStatus brief(TreeNode node) {
        return brief(node, board.state(node.id()).orElse(null), counts(node));
    }

    private static ChildStatus brief(TreeNode node, ObjectState s, Map<String, Integer> counts) {
        boolean leaf = node.kind() == ObjectKind.SERVICE || node.kind() == ObjectKind.ALIAS;
        return new ChildStatus(
                node.fullName(),
                node.name(),
                node.kind().label(),
                s == null ? UNKNOWN : s.status().label(),
                s == null ? UNKNOWN : s.display().state().label(),
                s == null ? null : s.display().severity().label(),
                s == null ? null : s.since(),
                s != null && s.overridden(),
                leaf ? null : counts);
    }

    private Map<String, Integer> counts(TreeNode node) {
        if (node.kind() == ObjectKind.SERVICE || node.kind() == ObjectKind.ALIAS) {
            return null;
        }
        return StatusCounts.under(node, id -> board.state(id).orElse(null));
    }
}
