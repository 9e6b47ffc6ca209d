package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.argusee.testsupport.RandomTree;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
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
            RandomTree db = new RandomTree(seed);
            for (int i = 0; i < 40; i++) {
                add(db);
            }
            StatusGraph full = new StatusGraph();
            StatusGraph partial = new StatusGraph();
            TreeSnapshot tree = TreeSnapshot.build(1, db.objects(), db.params(), CATALOG);
            full.reload(tree, T0);
            partial.reload(tree, T0);
            for (int step = 0; step < 20; step++) {
                Instant now = T0.plusSeconds(step * 10L + 5);
                check(db.random, tree, full, partial, now);
                RandomTree before = db.copy();
                Set<Long> changed = db.reread(before, change(db, db.pick()));
                TreeSnapshot after = TreeSnapshot.build(step + 2, db.objects(), db.params(), CATALOG);
                full.reload(after, now.plusSeconds(1));
                partial.reload(null, after, changed, now.plusSeconds(1));
                tree = after;
                assertEquals(dump(full, tree), dump(partial, tree), "seed " + seed + ", step " + step);
            }
        }
    }

    /** Some services checked, then what that changes spread, the same in both graphs. */
    static void check(SplittableRandom random, TreeSnapshot tree, StatusGraph full, StatusGraph partial, Instant now) {
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

    private static Set<Long> change(RandomTree db, long id) {
        switch (db.random.nextInt(6)) {
            case 0 -> {
                return Set.of(add(db));
            }
            case 1 -> db.delete(id);
            case 2 -> db.rename(id, db.pick(NAMES) + db.random.nextInt(5));
            case 3 -> db.move(id, db.pick());
            default -> param(db, id);
        }
        return Set.of(id);
    }

    private static long add(RandomTree db) {
        long parent = db.pick();
        ObjectKind kind = db.random.nextInt(4) == 0
                ? ObjectKind.ALIAS
                : db.random.nextBoolean() ? ObjectKind.GROUP : ObjectKind.SERVICE;
        long id = db.nextId();
        String target = kind == ObjectKind.ALIAS ? db.fullName(db.pick()) : null;
        db.put(new ObjectRow(
                id,
                parent,
                kind,
                db.pick(NAMES) + db.random.nextInt(5),
                kind == ObjectKind.SERVICE ? "TCP" : null,
                target,
                (int) id));
        if (db.random.nextInt(3) == 0) {
            param(db, id);
        }
        return id;
    }

    private static void param(RandomTree db, long id) {
        String key;
        String value;
        switch (db.random.nextInt(3)) {
            case 0 -> {
                key = "depends";
                value = db.fullName(db.pick());
            }
            case 1 -> {
                key = "gravity";
                value = db.random.nextBoolean() ? "up" : "down";
            }
            default -> {
                key = "nostatus";
                value = db.random.nextBoolean() ? "yes" : "no";
            }
        }
        db.param(id, key, value, false, db.paramCount());
    }

    static String dump(StatusGraph graph, TreeSnapshot tree) {
        StringBuilder b = new StringBuilder();
        tree.nodes().forEach(n -> b.append(n.id())
                .append(' ')
                .append(graph.state(n.id()).orElse(null))
                .append('\n'));
        return b.toString();
    }
}
