package org.argusee.tree.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tree cache's incremental path (issue 17) against a full read: on random trees, random changes are made to a
 * stand-in database (as the API, an import or an SQL edit would make them: objects added, edited, moved, deleted
 * with their subtrees, parameters set and removed, bad values, name clashes, cycles); after each, only the changed
 * subtrees are read again and patched into the rows, and the snapshot built from them must equal the one built
 * from every row, read in a shuffled order. Seeds are fixed, so a failure replays.
 */
class IncrementalRebuildFuzzTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.standard();
    private static final String[] NAMES = {"a", "b", "c", "web", "db", "x:y", "Top"};
    private static final String[] TYPES = {"TCP/SMTP", "TCP/HTTP", "Ping", "UDP/DNS", "Nope/x", null};
    private static final String[] KEYS = {"frequency", "port", "notify", "label", "sendnotify", "hostname", "retries"};
    private static final String[] VALUES = {"2m", "10x", "25", "mail:a@example.com", "yes", "no", "127.0.0.1", ""};

    @Test
    void incrementalEqualsFullRebuildOnRandomChanges() {
        for (long seed = 1; seed <= 80; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Db db = Db.random(random, 5 + random.nextInt(60));
            LoadedRows rows = new LoadedRows(db.objects(), db.params());
            for (int step = 0; step < 20; step++) {
                Set<Long> roots = db.change(random);
                Set<Long> ids = rows.subtrees(roots);
                ids.addAll(db.subtrees(roots)); // what the recursive query adds: descendants of now
                rows.patch(
                        ids,
                        db.objects().stream().filter(o -> ids.contains(o.id())).toList(),
                        db.params().stream()
                                .filter(p -> ids.contains(p.objectId()))
                                .toList());
                long revision = step + 2;
                String incremental = dump(rows.build(revision, CATALOG));
                List<ObjectRow> objects = new ArrayList<>(db.objects());
                List<ParamRow> params = new ArrayList<>(db.params());
                Collections.shuffle(objects, new java.util.Random(seed * 31 + step));
                Collections.shuffle(params, new java.util.Random(seed * 37 + step));
                String full = dump(new LoadedRows(objects, params).build(revision, CATALOG));
                assertEquals(full, incremental, "seed " + seed + ", step " + step);
            }
        }
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
                .append(n.parent() == null ? "-" : n.parent().id())
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
                .append('\n'));
        tree.problems().forEach(p -> b.append("problem ").append(p).append('\n'));
        return b.toString();
    }

    /** The tables, as a database with foreign keys (deletes cascade) but no other checks would hold them. */
    private record Db(TreeMap<Long, ObjectRow> rows, List<ParamRow> paramRows, long[] nextId) {

        static Db random(SplittableRandom random, int size) {
            Db db = new Db(new TreeMap<>(), new ArrayList<>(), new long[] {2});
            db.rows.put(1L, new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
            for (int i = 0; i < size; i++) {
                db.add(random);
            }
            return db;
        }

        List<ObjectRow> objects() {
            return List.copyOf(rows.values());
        }

        List<ParamRow> params() {
            return List.copyOf(paramRows);
        }

        /** One change; the ids whose subtrees it wrote, as its writer would report them. */
        Set<Long> change(SplittableRandom random) {
            List<Long> ids = new ArrayList<>(rows.keySet());
            long id = ids.get(random.nextInt(ids.size()));
            ObjectRow row = rows.get(id);
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    return Set.of(add(random));
                }
                case 2 -> {
                    if (id != 1) {
                        delete(id);
                    }
                }
                case 3 -> rows.put(id, withParent(row, pick(ids, random)));
                case 4 ->
                    rows.put(
                            id,
                            new ObjectRow(
                                    id,
                                    row.parentId(),
                                    row.kind(),
                                    pick(NAMES, random),
                                    row.kind() == ObjectKind.SERVICE ? pick(TYPES, random) : row.type(),
                                    row.aliasTarget(),
                                    random.nextInt(4)));
                case 5 -> param(random, id);
                case 6 -> paramRows.removeIf(p -> p.objectId() == id && random.nextBoolean());
                default -> { // an import: a group with a few objects under it
                    long group = add(random, id, ObjectKind.GROUP);
                    for (int i = random.nextInt(6); i > 0; i--) {
                        add(random, random.nextBoolean() ? group : add(random, group, ObjectKind.HOST), null);
                    }
                    return Set.of(id == 1 || row.kind() == ObjectKind.SERVICE ? group : id);
                }
            }
            return Set.of(id);
        }

        /** The ids under these ones now (a cycle is walked once), as the recursive query finds them. */
        Set<Long> subtrees(Set<Long> roots) {
            Set<Long> out = new HashSet<>();
            Deque<Long> todo = new ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                long id = todo.pop();
                if (rows.containsKey(id) && out.add(id)) {
                    rows.values().stream()
                            .filter(r -> r.parentId() != null && r.parentId() == id)
                            .forEach(r -> todo.push(r.id()));
                }
            }
            return out;
        }

        private long add(SplittableRandom random) {
            long id = add(random, pick(new ArrayList<>(rows.keySet()), random), null);
            if (random.nextInt(40) == 0) { // an SQL insert without a parent: its own root, left out
                ObjectRow row = rows.get(id);
                rows.put(id, new ObjectRow(id, null, row.kind(), row.name(), row.type(), row.aliasTarget(), 0));
            }
            return id;
        }

        private long add(SplittableRandom random, long parent, ObjectKind fixed) {
            ObjectKind kind =
                    fixed != null ? fixed : ObjectKind.values()[1 + random.nextInt(ObjectKind.values().length - 1)];
            long id = nextId[0]++;
            rows.put(
                    id,
                    new ObjectRow(
                            id,
                            parent,
                            kind,
                            pick(NAMES, random) + (random.nextInt(3) == 0 ? "" : id),
                            kind == ObjectKind.SERVICE ? pick(TYPES, random) : null,
                            kind == ObjectKind.ALIAS ? "Top:" + pick(NAMES, random) : null,
                            random.nextInt(4)));
            for (int i = random.nextInt(3); i > 0; i--) {
                param(random, id);
            }
            return id;
        }

        private void param(SplittableRandom random, long id) {
            String key = pick(KEYS, random);
            boolean local = random.nextInt(4) == 0;
            paramRows.removeIf(p -> p.objectId() == id && p.key().equals(key) && p.local() == local);
            paramRows.add(new ParamRow(id, key, pick(VALUES, random), local, random.nextInt(3)));
        }

        private void delete(long id) {
            Set<Long> gone = subtrees(Set.of(id));
            rows.keySet().removeAll(gone);
            paramRows.removeIf(p -> gone.contains(p.objectId()));
        }

        private static ObjectRow withParent(ObjectRow row, long parent) {
            return row.kind() == ObjectKind.TOP
                    ? row
                    : new ObjectRow(
                            row.id(), parent, row.kind(), row.name(), row.type(), row.aliasTarget(), row.position());
        }

        private static <T> T pick(T[] values, SplittableRandom random) {
            return values[random.nextInt(values.length)];
        }

        private static long pick(List<Long> ids, SplittableRandom random) {
            return ids.get(random.nextInt(ids.size()));
        }
    }
}
