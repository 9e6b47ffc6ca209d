package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.argusee.testsupport.RandomTree;
import org.junit.jupiter.api.Test;

/**
 * The new problems after a patched change worked out from the changed objects alone ({@link NewProblems}, issue 17)
 * against the comparison of both snapshots' whole lists: on random trees (groups, hosts, services of good and bad
 * types, aliases to names that exist, used to, will, or never do, or to themselves, bad names, bad parameter values,
 * services at top level or under services), random changes as the API and imports make them (objects added, renamed,
 * moved, retyped, deleted with their subtrees, parameters set and dropped, a group with objects under it) go through
 * the tree cache's path; after each patched one both must give the same problems in the same order. Seeds are fixed,
 * so a failure replays.
 */
class NewProblemsFuzzTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final String[] NAMES = {"a", "b", "c", "d", "bad name", ""};
    private static final String[] TYPES = {"TCP/SMTP", "Ping", "Nope/x", null};
    private static final String[] KEYS = {"frequency", "port", "retries", "label"};
    private static final String[] VALUES = {"2m", "10x", "25", "-1", "yes"};

    @Test
    void fromTheChangedObjectsAsFromBothWholeLists() {
        int patched = 0;
        int steps = 0;
        int withNew = 0;
        for (long seed = 1; seed <= 150; seed++) {
            RandomTree db = new RandomTree(seed);
            for (int i = 10 + db.random.nextInt(40); i > 0; i--) {
                add(db, db.pick(), null);
            }
            LoadedRows rows = new LoadedRows(db.objects(), db.params());
            TreeSnapshot tree = rows.build(1, CATALOG);
            for (int step = 0; step < 25; step++) {
                Set<Long> roots = change(db);
                Set<Long> ids = rows.subtrees(roots);
                ids.addAll(db.subtrees(roots));
                db.patch(rows, ids);
                TreeSnapshot next = rows.rebuild(tree, ids, step + 2, CATALOG);
                steps++;
                if (rows.lastPatched()) {
                    patched++;
                    List<ConfigProblem> whole = NewProblems.between(tree, next);
                    withNew += whole.isEmpty() ? 0 : 1;
                    assertEquals(whole, NewProblems.between(tree, next, ids), "seed " + seed + ", step " + step);
                }
                tree = next;
            }
        }
        assertTrue(patched > steps / 2, "patched changes: " + patched + " of " + steps);
        assertTrue(withNew > patched / 5, "patched changes with new problems: " + withNew + " of " + patched);
    }

    /** One change as the API or an import makes it; the ids whose subtrees it wrote. */
    private static Set<Long> change(RandomTree db) {
        return db.apiChange((parent, kind) -> add(db, parent, kind), id -> param(db, id), () -> name(db));
    }

    private static long add(RandomTree db, long parent, ObjectKind fixed) {
        ObjectKind kind = fixed != null
                ? fixed
                : switch (db.random.nextInt(4)) {
                    case 0 -> ObjectKind.ALIAS;
                    case 1 -> ObjectKind.GROUP;
                    case 2 -> ObjectKind.HOST;
                    default -> ObjectKind.SERVICE;
                };
        long id = db.nextId();
        db.put(new ObjectRow(
                id,
                parent,
                kind,
                name(db),
                kind == ObjectKind.SERVICE ? db.pick(TYPES) : null,
                kind == ObjectKind.ALIAS ? target(db, id) : null,
                db.random.nextInt(3)));
        if (db.random.nextInt(3) == 0) {
            param(db, id);
        }
        return id;
    }

    /** An object's full name now, one that may come to exist, one that never will, the alias itself, or none. */
    private static String target(RandomTree db, long self) {
        return switch (db.random.nextInt(7)) {
            case 0 -> "Top:" + db.pick(NAMES) + db.random.nextInt(3);
            case 1 -> "Top:nowhere";
            case 2 -> db.random.nextBoolean() ? "" : null;
            case 3 -> db.fullName(self);
            default -> db.fullName(db.pick());
        };
    }

    /** Mostly a name of its own; else one of a few, which targets name before it exists, some of them bad. */
    private static String name(RandomTree db) {
        return db.random.nextInt(3) == 0 ? db.pick(NAMES) + db.random.nextInt(3) : "n" + db.random.nextInt(1_000_000);
    }

    private static void param(RandomTree db, long id) {
        db.param(id, db.pick(KEYS), db.pick(VALUES), db.random.nextInt(4) == 0, db.paramCount());
    }
}
