package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/**
 * A reload told which objects changed (issue 17) against one that works everything out again: on random trees
 * with random service statuses, groups, aliases, {@code depends}, {@code gravity} and {@code nostatus}, each random
 * change (objects added, renamed, moved, deleted with their subtrees, parameters set) leaves both graphs with the
 * same states. Seeds are fixed, so a failure replays.
 */
class StatusGraphIncrementalTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final String[] NAMES = {"a", "b", "c", "d"};
    private static final Status[] STATUSES = {Status.UP, Status.DOWN, Status.DOWN, Status.UP};

    @Test
    void partialReloadEqualsFullReload() {
        for (long seed = 1; seed <= 150; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            TreeMap<Long, ObjectRow> rows = new TreeMap<>();
            List<ParamRow> params = new ArrayList<>();
            rows.put(1L, new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
            long[] next = {2};
            for (int i = 0; i < 40; i++) {
                add(random, rows, params, next);
            }
            StatusGraph full = new StatusGraph();
            StatusGraph partial = new StatusGraph();
            TreeSnapshot tree = TreeSnapshot.build(1, rows.values(), params, CATALOG);
            full.reload(tree, T0);
            partial.reload(tree, T0);
            for (int step = 0; step < 20; step++) {
                Instant now = T0.plusSeconds(step * 10L + 5);
                check(random, tree, full, partial, now);
                long id = pick(rows, random);
                Set<Long> roots = change(random, id, rows, params, next);
                Set<Long> changed = subtrees(tree, rows, roots);
                TreeSnapshot after = TreeSnapshot.build(step + 2, rows.values(), params, CATALOG);
                changed.addAll(subtrees(after, rows, roots));
                full.reload(after, now.plusSeconds(1));
                partial.reload(after, changed, now.plusSeconds(1));
                tree = after;
                assertEquals(dump(full, tree), dump(partial, tree), "seed " + seed + ", step " + step);
            }
        }
    }

    /** Some services checked, then what that changes spread, the same in both graphs. */
    private static void check(
            SplittableRandom random, TreeSnapshot tree, StatusGraph full, StatusGraph partial, Instant now) {
        List<TreeNode> services =
                tree.nodes().filter(n -> n.kind() == ObjectKind.SERVICE).toList();
        for (TreeNode s : services) {
            if (random.nextInt(3) == 0) {
                Status status = STATUSES[random.nextInt(STATUSES.length)];
                ServiceStatus result = new ServiceStatus(
                        status, 0, status == Status.UP ? Severity.CLEAR : Severity.CRITICAL, now, "x");
                full.serviceChecked(s.id(), result, now);
                partial.serviceChecked(s.id(), result, now);
            }
        }
        if (random.nextBoolean()) { // sometimes left unsettled over the reload
            full.settle(now);
            partial.settle(now);
        }
    }

    private static Set<Long> change(
            SplittableRandom random, long id, TreeMap<Long, ObjectRow> rows, List<ParamRow> params, long[] next) {
        ObjectRow row = rows.get(id);
        switch (random.nextInt(6)) {
            case 0 -> {
                return Set.of(add(random, rows, params, next));
            }
            case 1 -> {
                if (id != 1) {
                    Set<Long> gone = new HashSet<>();
                    Deque<Long> todo = new ArrayDeque<>(List.of(id));
                    while (!todo.isEmpty()) {
                        long g = todo.pop();
                        if (gone.add(g)) {
                            rows.values().stream()
                                    .filter(r -> r.parentId() != null && r.parentId() == g)
                                    .forEach(r -> todo.push(r.id()));
                        }
                    }
                    rows.keySet().removeAll(gone);
                    params.removeIf(p -> gone.contains(p.objectId()));
                }
            }
            case 2 -> {
                if (id != 1) {
                    rows.put(
                            id,
                            new ObjectRow(
                                    id,
                                    row.parentId(),
                                    row.kind(),
                                    NAMES[random.nextInt(NAMES.length)] + random.nextInt(5),
                                    row.type(),
                                    row.aliasTarget(),
                                    row.position()));
                }
            }
            case 3 -> {
                long parent = pick(rows, random);
                if (id != 1 && parent != id) {
                    rows.put(
                            id,
                            new ObjectRow(
                                    id, parent, row.kind(), row.name(), row.type(), row.aliasTarget(), row.position()));
                }
            }
            default -> param(random, id, rows, params);
        }
        return Set.of(id);
    }

    private static long add(
            SplittableRandom random, TreeMap<Long, ObjectRow> rows, List<ParamRow> params, long[] next) {
        long parent = pick(rows, random);
        ObjectKind kind = random.nextInt(4) == 0
                ? ObjectKind.ALIAS
                : random.nextBoolean() ? ObjectKind.GROUP : ObjectKind.SERVICE;
        long id = next[0]++;
        String target = kind == ObjectKind.ALIAS ? fullName(rows, pick(rows, random)) : null;
        rows.put(
                id,
                new ObjectRow(
                        id,
                        parent,
                        kind,
                        NAMES[random.nextInt(NAMES.length)] + random.nextInt(5),
                        kind == ObjectKind.SERVICE ? "TCP" : null,
                        target,
                        (int) id));
        if (random.nextInt(3) == 0) {
            param(random, id, rows, params);
        }
        return id;
    }

    private static void param(SplittableRandom random, long id, TreeMap<Long, ObjectRow> rows, List<ParamRow> params) {
        String key;
        String value;
        switch (random.nextInt(3)) {
            case 0 -> {
                key = "depends";
                value = fullName(rows, pick(rows, random));
            }
            case 1 -> {
                key = "gravity";
                value = random.nextBoolean() ? "up" : "down";
            }
            default -> {
                key = "nostatus";
                value = random.nextBoolean() ? "yes" : "no";
            }
        }
        params.removeIf(p -> p.objectId() == id && p.key().equals(key));
        params.add(new ParamRow(id, key, value, false, params.size()));
    }

    /** The name the object has in these rows (a target or dependency that may not resolve any more later). */
    private static String fullName(TreeMap<Long, ObjectRow> rows, long id) {
        StringBuilder b = new StringBuilder();
        Set<Long> seen = new HashSet<>();
        for (ObjectRow r = rows.get(id); r != null && r.parentId() != null && seen.add(r.id()); ) {
            b.insert(0, ":" + r.name());
            r = rows.get(r.parentId());
        }
        return "Top" + b;
    }

    /** The ids under {@code roots} in the tree and in the rows: what the tree cache re-reads. */
    private static Set<Long> subtrees(TreeSnapshot tree, TreeMap<Long, ObjectRow> rows, Set<Long> roots) {
        Set<Long> out = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long id = todo.pop();
            if (out.add(id)) {
                tree.byId(id).ifPresent(n -> n.children().forEach(c -> todo.push(c.id())));
                rows.values().stream()
                        .filter(r -> r.parentId() != null && r.parentId() == id)
                        .forEach(r -> todo.push(r.id()));
            }
        }
        return out;
    }

    private static String dump(StatusGraph graph, TreeSnapshot tree) {
        StringBuilder b = new StringBuilder();
        tree.nodes().forEach(n -> b.append(n.id())
                .append(' ')
                .append(graph.state(n.id()).orElse(null))
                .append('\n'));
        return b.toString();
    }

    private static long pick(TreeMap<Long, ObjectRow> rows, SplittableRandom random) {
        List<Long> ids = new ArrayList<>(rows.keySet());
        return ids.get(random.nextInt(ids.size()));
    }
}
