package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The replan told which objects changed (issue 17) against the one that compares every service: on random trees
 * (groups and services, inherited frequencies and ports, name clashes, moves into a cycle) each random change, or
 * run of changes between two replans, schedules and stops the same services with the same plans. Some reloads say
 * no ids (a full read): that replan compares everything. Seeds are fixed, so a failure replays.
 */
class PartialReplanTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final String[] NAMES = {"a", "b", "c"};
    private static final String[] TYPES = {"TCP", "UDP", "Ping"};

    /** Every type to the fake monitor but Ping, left unprobed. */
    private static final Monitors MONITORS = new Monitors() {
        @Override
        public Optional<Monitor> forType(ServiceType type) {
            return type.text().startsWith("Ping") ? Optional.empty() : Optional.of(ServicePlannerTest.ANY);
        }

        @Override
        public Monitor watch() {
            return null;
        }
    };

    private final ServicePlanner planner = new ServicePlanner(MONITORS, ProbeDuty.EVERYWHERE);

    @Test
    void partialReplanEqualsFullDiff() {
        int partials = 0;
        for (long seed = 1; seed <= 150; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            TreeMap<Long, ObjectRow> rows = new TreeMap<>();
            List<ParamRow> params = new ArrayList<>();
            rows.put(1L, new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
            long[] next = {2};
            for (int i = 0; i < 40; i++) {
                add(random, rows, params, next);
            }
            ReplanScope scope = new ReplanScope();
            Map<Long, Scheduled> scheduled = new HashMap<>();
            TreeSnapshot tree = TreeSnapshot.build(1, rows.values(), params, CATALOG);
            ReplanScope.Step first = scope.take(tree).orElseThrow();
            assertTrue(first.whole(), "the first plan compares everything");
            apply(planner.changes(tree, scheduled), scheduled);
            for (int step = 0; step < 30; step++) {
                TreeMap<Long, ObjectRow> before = new TreeMap<>(rows);
                Set<Long> roots = change(random, pick(rows, random), rows, params, next);
                Set<Long> changed = subtrees(before, roots);
                changed.addAll(subtrees(rows, roots));
                TreeSnapshot after = TreeSnapshot.build(step + 2, rows.values(), params, CATALOG);
                scope.reloaded(new TreeReloaded(tree, after, random.nextInt(10) == 0 ? Set.of() : changed));
                tree = after;
                if (random.nextInt(3) == 0) {
                    continue; // another change before the replan
                }
                ReplanScope.Step plan = scope.take(tree).orElseThrow();
                assertFalse(scope.take(tree).isPresent(), "planned already");
                ServicePlanner.Changes full = planner.changes(tree, scheduled);
                if (!plan.whole()) {
                    partials++;
                    ServicePlanner.Changes partial = planner.changes(plan.previous(), tree, plan.changed(), scheduled);
                    assertEquals(dump(full), dump(partial), "seed " + seed + ", step " + step);
                }
                apply(full, scheduled);
            }
        }
        assertTrue(partials > 1000, "partial replans compared: " + partials);
    }

    @Test
    void aMissedReloadMeansAFullReplan() {
        ReplanScope scope = new ReplanScope();
        TreeSnapshot a = TreeSnapshot.empty();
        TreeSnapshot b = TreeSnapshot.build(
                2, List.of(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0)), List.of(), CATALOG);
        TreeSnapshot c = TreeSnapshot.build(
                3, List.of(new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0)), List.of(), CATALOG);
        assertTrue(scope.take(a).orElseThrow().whole());
        scope.reloaded(new TreeReloaded(b, c, Set.of(1L))); // a to b was never seen
        assertTrue(scope.take(c).orElseThrow().whole());
        scope.reloaded(new TreeReloaded(c, b, Set.of(1L)));
        assertEquals(Set.of(1L), scope.take(b).orElseThrow().changed());
        // the plan saw the new snapshot before its event came: planned whole, the late event adds nothing
        assertTrue(scope.take(c).orElseThrow().whole());
        scope.reloaded(new TreeReloaded(b, c, Set.of(1L)));
        assertFalse(scope.take(c).isPresent());
    }

    private static void apply(ServicePlanner.Changes changes, Map<Long, Scheduled> scheduled) {
        changes.gone().forEach(scheduled::remove);
        changes.toSchedule()
                .forEach(e -> scheduled.put(
                        e.node().id(), Scheduled.of(null, e.node().fullName(), e.plan(), ProbeDuty.Assignment.ALWAYS)));
    }

    private static String dump(ServicePlanner.Changes changes) {
        TreeMap<Long, String> planned = new TreeMap<>();
        changes.toSchedule()
                .forEach(e -> planned.put(
                        e.node().id(), e.node().fullName() + " " + e.plan().fingerprint()));
        return planned + " gone " + new TreeSet<>(changes.gone());
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
                    Set<Long> gone = subtrees(rows, Set.of(id));
                    rows.keySet().removeAll(gone);
                    params.removeIf(p -> gone.contains(p.objectId()));
                }
            }
            case 2 -> {
                if (id != 1) {
                    rows.put(id, new ObjectRow(id, row.parentId(), row.kind(), name(random), row.type(), null, 0));
                }
            }
            case 3 -> {
                long parent = pick(rows, random);
                if (id != 1 && parent != id) { // into its own subtree now and then: a cycle, held out
                    rows.put(id, new ObjectRow(id, parent, row.kind(), row.name(), row.type(), null, 0));
                }
            }
            default -> param(random, id, params);
        }
        return Set.of(id);
    }

    private static long add(
            SplittableRandom random, TreeMap<Long, ObjectRow> rows, List<ParamRow> params, long[] next) {
        long parent = pick(rows, random);
        boolean service = random.nextBoolean();
        long id = next[0]++;
        String type = service ? TYPES[random.nextInt(TYPES.length)] : null;
        rows.put(
                id,
                new ObjectRow(
                        id, parent, service ? ObjectKind.SERVICE : ObjectKind.GROUP, name(random), type, null, 0));
        if (random.nextInt(3) == 0) {
            param(random, id, params);
        }
        return id;
    }

    private static String name(SplittableRandom random) {
        return NAMES[random.nextInt(NAMES.length)] + random.nextInt(3);
    }

    /** A frequency, port or host, on a service or on a group (inherited by the services under it). */
    private static void param(SplittableRandom random, long id, List<ParamRow> params) {
        String[] keys = {"frequency", "port", "hostname"};
        String key = keys[random.nextInt(keys.length)];
        String value =
                switch (key) {
                    case "frequency" -> String.valueOf(5 + random.nextInt(3) * 5);
                    case "port" -> String.valueOf(1000 + random.nextInt(3));
                    default -> "127.0.0." + (1 + random.nextInt(3));
                };
        params.removeIf(p -> p.objectId() == id && p.key().equals(key));
        params.add(new ParamRow(id, key, value, false, params.size()));
    }

    /** The ids under {@code roots} in these rows: what the tree cache re-reads, before and after a change. */
    private static Set<Long> subtrees(TreeMap<Long, ObjectRow> rows, Set<Long> roots) {
        Set<Long> out = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long id = todo.pop();
            if (out.add(id)) {
                rows.values().stream()
                        .filter(r -> r.parentId() != null && r.parentId() == id)
                        .forEach(r -> todo.push(r.id()));
            }
        }
        return out;
    }

    private static long pick(TreeMap<Long, ObjectRow> rows, SplittableRandom random) {
        List<Long> ids = new ArrayList<>(rows.keySet());
        return ids.get(random.nextInt(ids.size()));
    }
}
