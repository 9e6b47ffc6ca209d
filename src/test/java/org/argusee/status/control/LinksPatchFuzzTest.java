package org.argusee.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.argusee.testsupport.RandomTree;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The status graph's reload of a patched snapshot (issue 17: {@link LinksPatch}, no pass over the whole tree) against
 * the full pass: on random trees (groups, hosts, services, aliases to objects that exist, used to or never did,
 * {@code depends} on such names, inherited, {@code nostatus}, {@code gravity}), random changes as the API and imports
 * make them (objects added, renamed, moved, deleted with their subtrees, parameters set and dropped, a group with
 * objects under it) go through the tree cache's path: the changed subtrees re-read, patched into the rows, the
 * snapshot built from the previous one where it can be (else from all rows, and then the graph takes the full path).
 * After each change the links kept up to date in place must equal, object by object and problem by problem, the
 * links worked out from the whole new tree, with nothing left of objects gone; and a graph reloaded so must hold the
 * same states as one that works everything out again. Seeds are fixed, so a failure replays.
 */
class LinksPatchFuzzTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    private static final String[] NAMES = {"a", "b", "c", "d"};

    @Test
    void patchedReloadEqualsTheFullPass() {
        int patched = 0;
        int steps = 0;
        for (long seed = 1; seed <= 120; seed++) {
            RandomTree db = new RandomTree(seed);
            for (int i = 0; i < 30 + db.random.nextInt(30); i++) {
                add(db, db.pick(), null);
            }
            LoadedRows rows = new LoadedRows(db.objects(), db.params());
            TreeSnapshot tree = rows.build(1, CATALOG);
            StatusGraph full = new StatusGraph();
            StatusGraph partial = new StatusGraph();
            full.reload(tree, T0);
            partial.reload(tree, T0);
            for (int step = 0; step < 25; step++) {
                Instant now = T0.plusSeconds(step * 10L + 5);
                StatusGraphIncrementalTest.check(db.random, tree, full, partial, now);
                Set<Long> roots = change(db);
                Set<Long> ids = rows.subtrees(roots);
                Set<Long> fromTree = tree.subtrees(roots);
                if (fromTree != null) { // the tree cache's way when every row is in the tree
                    assertEquals(ids, fromTree, "subtrees; seed " + seed);
                }
                ids.addAll(db.subtrees(roots));
                db.patch(rows, ids);
                TreeSnapshot next = rows.rebuild(tree, ids, step + 2, CATALOG);
                boolean wasPatched = rows.lastPatched();
                patched += wasPatched ? 1 : 0;
                steps++;
                full.reload(next, now.plusSeconds(1));
                partial.reload(wasPatched ? tree : null, next, ids, now.plusSeconds(1));
                String where = "seed " + seed + ", step " + step + (wasPatched ? " (patched)" : "");
                assertEquals(dump(TreeLinks.of(next), next), dump(partial.links(), next), where);
                assertEquals(Set.of(), leftOver(partial.links(), next), "links of objects gone; " + where);
                assertEquals(
                        StatusGraphIncrementalTest.dump(full, next),
                        StatusGraphIncrementalTest.dump(partial, next),
                        where);
                tree = next;
            }
        }
        assertTrue(patched > steps / 2, "reloads of a patched snapshot: " + patched + " of " + steps);
    }

    /** One change as the API or an import makes it; the ids whose subtrees it wrote. */
    private static Set<Long> change(RandomTree db) {
        return db.apiChange((parent, kind) -> add(db, parent, kind), id -> param(db, id), () -> name(db));
    }

    private static long add(RandomTree db, long parent, ObjectKind fixed) {
        ObjectKind kind = fixed != null
                ? fixed
                : db.random.nextInt(4) == 0
                        ? ObjectKind.ALIAS
                        : db.random.nextBoolean() ? ObjectKind.GROUP : ObjectKind.SERVICE;
        long id = db.nextId();
        db.put(new ObjectRow(
                id,
                parent,
                kind,
                name(db),
                kind == ObjectKind.SERVICE ? "TCP" : null,
                kind == ObjectKind.ALIAS ? target(db) : null,
                (int) id));
        if (db.random.nextInt(3) == 0) {
            param(db, id);
        }
        return id;
    }

    /** An object's full name now (which may not resolve later), or one that may come to exist, or never will. */
    private static String target(RandomTree db) {
        return switch (db.random.nextInt(4)) {
            case 0 -> "Top:" + name(db);
            case 1 -> "Top:nowhere";
            default -> db.fullName(db.pick());
        };
    }

    /**
     * Mostly a name of its own; else one of a few, which targets may name before it exists, and which clash now and
     * then (the snapshot is then built from all rows until the clash is gone).
     */
    private static String name(RandomTree db) {
        return db.random.nextInt(4) == 0 ? db.pick(NAMES) + db.random.nextInt(8) : "n" + db.random.nextInt(1_000_000);
    }

    private static void param(RandomTree db, long id) {
        String key;
        String value;
        switch (db.random.nextInt(4)) {
            case 0, 1 -> {
                key = "depends";
                value = db.random.nextInt(4) == 0 ? target(db) + " " + target(db) : target(db);
            }
            case 2 -> {
                key = "gravity";
                value = db.random.nextBoolean() ? "up" : "down";
            }
            default -> {
                key = db.random.nextBoolean() ? "nostatus" : "passive";
                value = db.random.nextBoolean() ? "yes" : "no";
            }
        }
        db.param(id, key, value, db.random.nextInt(5) == 0, db.paramCount());
    }

    private static String dump(TreeLinks links, TreeSnapshot tree) {
        StringBuilder b = new StringBuilder();
        tree.nodes().forEach(n -> b.append(n.id())
                .append(" depends ")
                .append(links.dependencies(n.id()))
                .append(" dependants ")
                .append(new TreeSet<>(links.dependants(n.id())))
                .append(" aliases ")
                .append(new TreeSet<>(links.aliasesOf(n.id())))
                .append(" target ")
                .append(links.aliasTarget(n.id()))
                .append(" skipped ")
                .append(links.skipped(n.id()))
                .append(" depth ")
                .append(links.depth(n.id()))
                .append('\n'));
        links.problems().forEach(p -> b.append("problem ").append(p).append('\n'));
        return b.toString();
    }

    private static Set<Long> leftOver(TreeLinks links, TreeSnapshot tree) {
        Set<Long> held = new HashSet<>(links.held());
        held.removeIf(id -> tree.byId(id).isPresent());
        return held;
    }
}
