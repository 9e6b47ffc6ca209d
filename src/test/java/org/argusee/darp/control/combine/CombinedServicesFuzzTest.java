package org.argusee.darp.control.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.testsupport.RandomTree;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParameterCatalog;
import org.argusee.tree.control.TreeSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The services a master combines, kept up to date from a patched reload's changed objects ({@link CombinedServices},
 * issue 17), against {@link Recombination#combinedIn}'s walk of the whole tree: on random trees whose groups, hosts
 * and services set {@code darp_mode}, {@code darp_gravity} and {@code darp_tags} (inherited, overridden, local),
 * random changes as the API and imports make them (objects added, moved, deleted with their subtrees, parameters set
 * and dropped) go through the tree cache's path, now and then with a new topology or a tree read whole; after each
 * the two must name the same services. Seeds are fixed, so a failure replays.
 */
class CombinedServicesFuzzTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final DarpTopology MASTER = new DarpTopology("m", Set.of(), Set.of("s1", "s2"));
    private static final DarpTopology OTHER = new DarpTopology("m", Set.of(), Set.of("s1"));
    private static final DarpTopology SLAVE = new DarpTopology("s", Set.of("m"), Set.of());
    private static final String[] MODES = {"distributed", "redundant", "failover", "none"};
    private static final String[] GRAVITIES = {"self", "ietf", "down", "up", "vote"};

    @Test
    void fromTheChangedObjectsAsFromTheWholeTree() {
        int patched = 0;
        int steps = 0;
        int combinedSeen = 0;
        for (long seed = 1; seed <= 120; seed++) {
            RandomTree db = new RandomTree(seed);
            for (int i = 10 + db.random.nextInt(40); i > 0; i--) {
                add(db, db.pick(), null);
            }
            LoadedRows rows = new LoadedRows(db.objects(), db.params());
            TreeSnapshot tree = rows.build(1, CATALOG);
            CombinedServices services = new CombinedServices();
            DarpTopology here = MASTER;
            assertEquals(new HashSet<>(Recombination.combinedIn(tree, here)), services.in(tree, here));
            for (int step = 0; step < 25; step++) {
                Set<Long> roots = change(db);
                Set<Long> ids = rows.subtrees(roots);
                ids.addAll(db.subtrees(roots));
                db.patch(rows, ids);
                boolean whole = db.random.nextInt(10) == 0; // an SQL change: the tree read again
                TreeSnapshot next = whole ? rows.build(step + 2, CATALOG) : rows.rebuild(tree, ids, step + 2, CATALOG);
                boolean wasPatched = !whole && rows.lastPatched();
                services.reloaded(wasPatched ? tree : null, next, ids);
                tree = next;
                if (db.random.nextInt(8) == 0) {
                    continue; // not asked about this tree: the next patched one does not come from the last asked
                }
                Set<Long> full = new HashSet<>(Recombination.combinedIn(next, here));
                assertEquals(full, services.in(next, here), "seed " + seed + ", step " + step);
                if (db.random.nextInt(8) == 0) { // the peers changed: the same tree, another topology
                    here = db.random.nextBoolean() ? OTHER : db.random.nextBoolean() ? SLAVE : MASTER;
                    full = new HashSet<>(Recombination.combinedIn(next, here));
                    assertEquals(full, services.in(next, here), "new peers; seed " + seed + ", step " + step);
                }
                patched += wasPatched ? 1 : 0;
                combinedSeen += full.isEmpty() ? 0 : 1;
                steps++;
            }
        }
        assertTrue(patched > steps / 2, "patched reloads: " + patched + " of " + steps);
        assertTrue(combinedSeen > steps / 3, "reloads with combined services: " + combinedSeen + " of " + steps);
    }

    /** One change as the API or an import makes it; the ids whose subtrees it wrote. */
    private static Set<Long> change(RandomTree db) {
        return db.apiChange(
                (parent, kind) -> add(db, parent, kind), id -> darp(db, id), () -> "r" + db.random.nextInt(1_000_000));
    }

    private static long add(RandomTree db, long parent, ObjectKind fixed) {
        ObjectKind kind = fixed != null
                ? fixed
                : db.random.nextInt(3) == 0
                        ? ObjectKind.GROUP
                        : db.random.nextBoolean() ? ObjectKind.HOST : ObjectKind.SERVICE;
        long id = db.nextId();
        db.put(new ObjectRow(
                id, parent, kind, "n" + id, kind == ObjectKind.SERVICE ? "TCP" : null, null, db.random.nextInt(3)));
        if (db.random.nextInt(3) == 0) {
            darp(db, id);
        }
        return id;
    }

    private static void darp(RandomTree db, long id) {
        boolean local = db.random.nextInt(5) == 0;
        switch (db.random.nextInt(3)) {
            case 0 -> db.param(id, "darp_mode", db.pick(MODES), local, db.paramCount());
            case 1 -> db.param(id, "darp_gravity", db.pick(GRAVITIES), local, db.paramCount());
            default -> db.param(id, "darp_tags", db.random.nextBoolean() ? "*" : "m s2", local, db.paramCount());
        }
    }
}
