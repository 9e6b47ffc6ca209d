package org.argusee.probe.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.argusee.platform.control.ConcurrentLongMap;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.testsupport.RandomTree;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
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
            RandomTree db = new RandomTree(seed);
            for (int i = 0; i < 40; i++) {
                add(db);
            }
            ReplanScope scope = new ReplanScope();
            ConcurrentLongMap<Scheduled> scheduled = new ConcurrentLongMap<>();
            TreeSnapshot tree = TreeSnapshot.build(1, db.objects(), db.params(), CATALOG);
            ReplanScope.Step first = scope.take(tree).orElseThrow();
            assertTrue(first.whole(), "the first plan compares everything");
            apply(planner.changes(tree, scheduled), scheduled);
            for (int step = 0; step < 30; step++) {
                RandomTree before = db.copy();
                Set<Long> changed = db.reread(before, change(db, db.pick()));
                TreeSnapshot after = TreeSnapshot.build(step + 2, db.objects(), db.params(), CATALOG);
                scope.reloaded(new TreeReloaded(tree, after, db.random.nextInt(10) == 0 ? Set.of() : changed));
                tree = after;
                if (db.random.nextInt(3) == 0) {
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

    /**
     * As above, with the snapshots built as the tree cache builds them: from the previous one over the re-read ids
     * where it can ({@code TreeReloaded#patched}), so the replan also skips its passes over the whole tree.
     */
    @Test
    void patchedReplanEqualsFullDiff() {
        int patched = 0;
        for (long seed = 1; seed <= 100; seed++) {
            RandomTree db = new RandomTree(seed);
            for (int i = 0; i < 40; i++) {
                add(db);
            }
            ReplanScope scope = new ReplanScope();
            ConcurrentLongMap<Scheduled> scheduled = new ConcurrentLongMap<>();
            LoadedRows rows = new LoadedRows(db.objects(), db.params());
            TreeSnapshot tree = rows.build(1, CATALOG);
            apply(planner.changes(scope.take(tree).orElseThrow(), tree, scheduled), scheduled);
            for (int step = 0; step < 30; step++) {
                RandomTree before = db.copy();
                Set<Long> ids = db.reread(before, change(db, db.pick()));
                db.patch(rows, ids);
                TreeSnapshot after = rows.rebuild(tree, ids, step + 2, CATALOG);
                scope.reloaded(new TreeReloaded(tree, after, ids, rows.lastPatched()));
                tree = after;
                if (db.random.nextInt(3) == 0) {
                    continue; // another change before the replan
                }
                ReplanScope.Step plan = scope.take(tree).orElseThrow();
                patched += plan.patched() ? 1 : 0;
                ServicePlanner.Changes full = planner.changes(tree, scheduled);
                assertEquals(dump(full), dump(planner.changes(plan, tree, scheduled)), "seed " + seed + ", " + step);
                apply(full, scheduled);
            }
        }
        assertTrue(patched > 100, "replans of patched snapshots (names clash often here): " + patched);
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

    private static void apply(ServicePlanner.Changes changes, ConcurrentLongMap<Scheduled> scheduled) {
        changes.gone().forEach(scheduled::remove);
        changes.toSchedule()
                .forEach(e -> scheduled.put(
                        e.node().id(),
                        Scheduled.of(e.node().id(), null, e.node().fullName(), e.plan(), ProbeDuty.Assignment.ALWAYS)));
    }

    private static String dump(ServicePlanner.Changes changes) {
        TreeMap<Long, String> planned = new TreeMap<>();
        changes.toSchedule()
                .forEach(e -> planned.put(
                        e.node().id(), e.node().fullName() + " " + e.plan().fingerprint()));
        return planned + " gone " + new TreeSet<>(changes.gone());
    }

    private static Set<Long> change(RandomTree db, long id) {
        switch (db.random.nextInt(6)) {
            case 0 -> {
                return Set.of(add(db));
            }
            case 1 -> db.delete(id);
            case 2 -> db.rename(id, name(db));
            case 3 -> db.move(id, db.pick()); // into its own subtree now and then: a cycle, held out
            default -> param(db, id);
        }
        return Set.of(id);
    }

    private static long add(RandomTree db) {
        long parent = db.pick();
        boolean service = db.random.nextBoolean();
        long id = db.nextId();
        String type = service ? db.pick(TYPES) : null;
        db.put(new ObjectRow(id, parent, service ? ObjectKind.SERVICE : ObjectKind.GROUP, name(db), type, null, 0));
        if (db.random.nextInt(3) == 0) {
            param(db, id);
        }
        return id;
    }

    private static String name(RandomTree db) {
        return db.pick(NAMES) + db.random.nextInt(3);
    }

    /** A frequency, port or host, on a service or on a group (inherited by the services under it). */
    private static void param(RandomTree db, long id) {
        String[] keys = {"frequency", "port", "hostname"};
        String key = db.pick(keys);
        String value =
                switch (key) {
                    case "frequency" -> String.valueOf(5 + db.random.nextInt(3) * 5);
                    case "port" -> String.valueOf(1000 + db.random.nextInt(3));
                    default -> "127.0.0." + (1 + db.random.nextInt(3));
                };
        db.param(id, key, value, false, db.paramCount());
    }
}
