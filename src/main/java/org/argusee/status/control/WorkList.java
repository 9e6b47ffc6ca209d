package org.argusee.status.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.tree.control.TreeNode;

/**
 * One run of the {@link StatusGraph}'s work list: the objects to work out, deepest first (each group after its
 * children), each one's change feeding what it affects, never by recursion (trees can be thousands deep), and only
 * as far as something changes. Under the graph's writer.
 */
final class WorkList {

    private static final Logger LOG = Logger.getLogger(StatusGraph.class.getName());

    private WorkList() {}

    static Outcome run(StatusGraph graph, Collection<Long> start, Instant now) {
        TreeLinks l = graph.links();
        Queue<Long> queue = new PriorityQueue<>(
                Comparator.comparingInt((Long id) -> -l.depth(id)).thenComparing(Comparator.naturalOrder()));
        queue.addAll(start);
        Set<Long> queued = new HashSet<>(start);
        List<StateChange> changes = new ArrayList<>();
        List<EndedOverride> ended = new ArrayList<>();
        // Alias loops through groups could feed each other for ever; the budget stops that, loudly.
        long budget = 20L * graph.tree().size() + 1000;
        while (!queue.isEmpty()) {
            if (--budget < 0) {
                LOG.warning("Status evaluation did not settle (aliases that lead into each other?); stopped");
                break;
            }
            long id = queue.poll();
            queued.remove(id);
            TreeNode node = graph.tree().byId(id).orElse(null);
            if (node == null) {
                continue;
            }
            ObjectState before = graph.stateOf(id);
            ObjectState after = Evaluation.of(node, before, graph, ended, now);
            if (Objects.equals(after, before)) {
                continue;
            }
            graph.setState(id, after);
            changes.add(new StateChange(id, before, after, now));
            l.affectedBy(node, before, after).stream().filter(queued::add).forEach(queue::add);
        }
        return new Outcome(changes, ended);
    }
}
