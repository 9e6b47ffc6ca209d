package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.argusee.testsupport.RandomTree;
import org.junit.jupiter.api.Test;

/**
 * A snapshot built from the previous one (issue 17) against a full build, and the tree cache's re-read of the
 * changed subtrees against a full read: on random trees (the shared {@link RandomTree}), random changes are made to a
 * stand-in database as the API or an import would make them (objects added, edited, moved, deleted with their
 * subtrees, parameters set and removed, bad values, dangling aliases); in one tree in three also as only SQL can
 * (name clashes, cycles, objects without a parent), where the snapshot falls back to the full build. After each
 * change only the changed subtrees are read again and patched into the rows, the snapshot is built from the previous
 * one where it can be, and it must equal, node by node (parent, children and their order, parameters, effective and
 * inherited values, the indexes) and problem by problem, the one built from every row read in a shuffled order; the
 * previous snapshot must be left as it was. Seeds are fixed, so a failure replays.
 */
class IncrementalRebuildFuzzTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final String[] NAMES = {"a", "b", "c", "web", "db", "x:y", "Top"};
    private static final String[] TYPES = {"TCP/SMTP", "TCP/HTTP", "Ping", "UDP/DNS", "Nope/x", null};
    private static final String[] KEYS = {"frequency", "port", "notify", "label", "sendnotify", "hostname", "retries"};
    private static final String[] VALUES = {"2m", "10x", "25", "mail:a@example.com", "yes", "no", "127.0.0.1", ""};

    @Test
    void snapshotFromThePreviousOneEqualsTheFullBuild() {
        int patched = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Changes db = new Changes(new RandomTree(seed), seed % 3 == 0);
            for (int i = 5 + db.tree.random.nextInt(60); i > 0; i--) {
                db.add(db.tree.pick(), null);
            }
            LoadedRows rows = new LoadedRows(db.tree.objects(), db.tree.params());
            TreeSnapshot snapshot = rows.build(1, CATALOG);
            for (int step = 0; step < 20; step++) {
                String before = dump(snapshot);
                Set<Long> roots = db.change();
                Set<Long> ids = rows.subtrees(roots);
                ids.addAll(db.tree.subtrees(roots)); // what the recursive query adds: descendants of now
                rows.patch(
                        ids,
                        db.tree.objects().stream()
                                .filter(o -> ids.contains(o.id()))
                                .toList(),
                        db.tree.params().stream()
                                .filter(p -> ids.contains(p.objectId()))
                                .toList());
                long revision = step + 2;
                TreeSnapshot next = rows.rebuild(snapshot, ids, revision, CATALOG);
                patched += rows.lastPatched() ? 1 : 0;
                List<ObjectRow> objects = new ArrayList<>(db.tree.objects());
                List<ParamRow> params = new ArrayList<>(db.tree.params());
                Collections.shuffle(objects, new java.util.Random(seed * 31 + step));
                Collections.shuffle(params, new java.util.Random(seed * 37 + step));
                String full = dump(new LoadedRows(objects, params).build(revision, CATALOG));
                assertEquals(full, dump(next), "seed " + seed + ", step " + step);
                assertEquals(before, dump(snapshot), "the previous snapshot is left alone; seed " + seed);
                snapshot = next;
            }
        }
        assertTrue(patched > 800, "snapshots built from the previous one: " + patched);
    }

    /** Everything a reader can see of a snapshot, in a fixed order. */
    private static String dump(TreeSnapshot tree) {
        StringBuilder b = new StringBuilder("revision " + tree.revision() + ", size " + tree.size() + "\n");
        tree.nodes().forEach(n -> b.append(n.id())
                .append(' ')
                .append(n.kind())
                .append(' ')
                .append(n.fullName())
                .append(" type=")
                .append(n.type())
                .append(" target=")
                .append(n.aliasTarget())
                .append(" pos=")
                .append(n.position())
                .append(" parent=")
                .append(n.parentId() == null ? "-" : tree.parent(n).id())
                .append(" children=")
                .append(n.children().stream().map(TreeNode::id).toList())
                .append(" own=")
                .append(n.ownParameters())
                .append(" usable=")
                .append(n.usableParameters())
                .append(" effective=")
                .append(n.effectiveParameters())
                .append(" passed=")
                .append(new TreeMap<>(n.passedDown()))
                .append(" inherited=")
                .append(new TreeMap<>(n.inherited()))
                .append(" label=")
                .append(n.label())
                .append(" found=")
                .append(tree.find(n.fullName()).map(TreeNode::id).orElse(null))
                .append(" byId=")
                .append(tree.byId(n.id()).orElse(null) == n)
                .append(" holds=")
                .append(n.children().stream().allMatch(c -> tree.parent(c) == n))
                .append('\n'));
        tree.problems().forEach(p -> b.append("problem ").append(p).append('\n'));
        return b.toString();
    }

    /** The changes: as the API and imports make them, and in SQL mode as only SQL can. */
    private record Changes(RandomTree tree, boolean sql) {

        /** One change; the ids whose subtrees it wrote, as its writer would report them. */
        Set<Long> change() {
            long id = tree.pick();
            ObjectRow row = tree.row(id);
            switch (tree.random.nextInt(8)) {
                case 0, 1 -> { // an SQL insert may have no parent: its own root, left out
                    long added = add(tree.pick(), null);
                    if (sql && tree.random.nextInt(40) == 0) {
                        ObjectRow r = tree.row(added);
                        tree.put(new ObjectRow(added, null, r.kind(), r.name(), r.type(), r.aliasTarget(), 0));
                    }
                    return Set.of(added);
                }
                case 2 -> tree.delete(id);
                case 3 -> {
                    long parent = tree.pick();
                    if (sql || !tree.subtrees(Set.of(id)).contains(parent)) {
                        tree.move(id, parent);
                    }
                }
                case 4 -> {
                    if (id != 1) {
                        tree.put(new ObjectRow(
                                id,
                                row.parentId(),
                                row.kind(),
                                name(id),
                                row.kind() == ObjectKind.SERVICE ? tree.pick(TYPES) : row.type(),
                                row.aliasTarget(),
                                tree.random.nextInt(4)));
                    }
                }
                case 5 -> param(id);
                case 6 -> tree.dropParams(p -> p.objectId() == id && tree.random.nextBoolean());
                default -> { // an import: a group with a few objects under it
                    long group = add(id, ObjectKind.GROUP);
                    for (int i = tree.random.nextInt(6); i > 0; i--) {
                        add(tree.random.nextBoolean() ? group : add(group, ObjectKind.HOST), null);
                    }
                    return Set.of(id == 1 || row.kind() == ObjectKind.SERVICE ? group : id);
                }
            }
            return Set.of(id);
        }

        long add(long parent, ObjectKind fixed) {
            ObjectKind kind = fixed != null
                    ? fixed
                    : ObjectKind.values()[1 + tree.random.nextInt(ObjectKind.values().length - 1)];
            long id = tree.nextId();
            String target = tree.random.nextBoolean() ? tree.fullName(tree.pick()) : "Top:" + tree.pick(NAMES);
            tree.put(new ObjectRow(
                    id,
                    parent,
                    kind,
                    name(id),
                    kind == ObjectKind.SERVICE ? tree.pick(TYPES) : null,
                    kind == ObjectKind.ALIAS ? target : null,
                    tree.random.nextInt(4)));
            for (int i = tree.random.nextInt(3); i > 0; i--) {
                param(id);
            }
            return id;
        }

        /** Unique but for SQL mode, where a third of the names clash. */
        private String name(long id) {
            return tree.pick(NAMES) + (sql && tree.random.nextInt(3) == 0 ? "" : id);
        }

        private void param(long id) {
            tree.param(id, tree.pick(KEYS), tree.pick(VALUES), tree.random.nextInt(4) == 0, tree.random.nextInt(3));
        }
    }
}
