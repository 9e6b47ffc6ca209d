package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains every row Top could not reach and that has no problem yet: its parent does not exist, it is in
 * a parent cycle, or its parent is itself left out. Walks each parent chain once, marking rows as it goes,
 * so the work is linear and a long chain needs no stack.
 */
final class LeftOutObjects {

    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private final Map<Long, ObjectRow> rows;
    private final Set<Long> inTree;
    private final Set<Long> reported;
    private final ProblemLog problems;
    private final Map<Long, Integer> state = new HashMap<>();

    LeftOutObjects(Map<Long, ObjectRow> rows, Set<Long> inTree, Set<Long> reported, ProblemLog problems) {
        this.rows = rows;
        this.inTree = inTree;
        this.reported = reported;
        this.problems = problems;
    }

    void report(List<ObjectRow> sorted) {
        for (ObjectRow row : sorted) {
            if (rows.get(row.id()) == row && unexplained(row)) {
                walk(row);
            }
        }
    }

    private void walk(ObjectRow start) {
        List<ObjectRow> path = new ArrayList<>();
        Map<Long, Integer> position = new HashMap<>();
        ObjectRow current = start;
        while (current != null && unexplained(current)) {
            state.put(current.id(), ON_PATH);
            position.put(current.id(), path.size());
            path.add(current);
            current = current.parentId() == null ? null : rows.get(current.parentId());
        }
        boolean cycle = current != null && state.get(current.id()) != null && state.get(current.id()) == ON_PATH;
        int cycleStart = cycle ? position.get(current.id()) : path.size();
        String members = path.subList(cycleStart, path.size()).stream()
                .map(r -> "#" + r.id())
                .collect(Collectors.joining(", "));
        for (int i = 0; i < path.size(); i++) {
            ObjectRow row = path.get(i);
            state.put(row.id(), DONE);
            String why = i >= cycleStart
                    ? "is in a parent cycle (" + members + ")"
                    : rows.containsKey(row.parentId())
                            ? "its parent #" + row.parentId() + " is not in the tree"
                            : "its parent #" + row.parentId() + " does not exist";
            problems.add("#" + row.id(), "parent", why + "; left out");
        }
    }

    private boolean unexplained(ObjectRow row) {
        return !inTree.contains(row.id()) && !reported.contains(row.id()) && !state.containsKey(row.id());
    }
}
