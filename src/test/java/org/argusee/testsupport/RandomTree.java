package org.argusee.testsupport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.argusee.tree.control.LoadedRows;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.ParamRow;

/**
 * The object and parameter tables of random trees for the fuzz tests of the incremental paths (issue 17): the tree
 * snapshot, the status graph and the replan, each compared with its full counterpart after random changes. It holds
 * the rows as a database with foreign keys (deletes cascade) but no other checks would, makes the changes every such
 * test makes (add, delete a subtree, rename, move, set or drop parameters) and answers what the tree cache would
 * re-read after them. What objects and parameters look like is each test's own. Seeded, so a failure replays.
 */
public final class RandomTree {

    public final SplittableRandom random;
    private final TreeMap<Long, ObjectRow> rows = new TreeMap<>();
    private final List<ParamRow> params = new ArrayList<>();
    private long nextId = 2;

    /** Top (#1) alone. */
    public RandomTree(long seed) {
        this.random = new SplittableRandom(seed);
        rows.put(1L, new ObjectRow(1, null, ObjectKind.TOP, "Top", null, null, 0));
    }

    private RandomTree(RandomTree from) {
        this.random = from.random;
        this.rows.putAll(from.rows);
        this.params.addAll(from.params);
        this.nextId = from.nextId;
    }

    /** The tables as they are now, to compare with after a change (the random source is shared). */
    public RandomTree copy() {
        return new RandomTree(this);
    }

    public List<ObjectRow> objects() {
        return List.copyOf(rows.values());
    }

    public List<ParamRow> params() {
        return List.copyOf(params);
    }

    public ObjectRow row(long id) {
        return rows.get(id);
    }

    /** The id the next {@link #add} should use. */
    public long nextId() {
        return nextId++;
    }

    /** Adds or replaces the row (an insert, an update); returns its id. */
    public long put(ObjectRow row) {
        rows.put(row.id(), row);
        return row.id();
    }

    /** Any object, Top included. */
    public long pick() {
        List<Long> ids = new ArrayList<>(rows.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Deletes the object and everything under it, with their parameters. Top stays. */
    public void delete(long id) {
        if (id == 1) {
            return;
        }
        Set<Long> gone = subtrees(Set.of(id));
        rows.keySet().removeAll(gone);
        params.removeIf(p -> gone.contains(p.objectId()));
    }

    /** Renames the object (Top keeps its name). */
    public void rename(long id, String name) {
        ObjectRow r = rows.get(id);
        if (id != 1 && r != null) {
            rows.put(id, new ObjectRow(id, r.parentId(), r.kind(), name, r.type(), r.aliasTarget(), r.position()));
        }
    }

    /** Moves the object under another, into its own subtree too (a cycle, which a snapshot leaves out). */
    public void move(long id, long parent) {
        ObjectRow r = rows.get(id);
        if (id != 1 && r != null && parent != id) {
            rows.put(id, new ObjectRow(id, parent, r.kind(), r.name(), r.type(), r.aliasTarget(), r.position()));
        }
    }

    /** Sets a parameter: replaces the object's row of that key and locality. */
    public void param(long id, String key, String value, boolean local, int position) {
        params.removeIf(p -> p.objectId() == id && key.equals(p.key()) && p.local() == local);
        params.add(new ParamRow(id, key, value, local, position));
    }

    public void dropParams(Predicate<ParamRow> which) {
        params.removeIf(which);
    }

    public int paramCount() {
        return params.size();
    }

    /**
     * One change as the API or an import makes it; the ids whose subtrees it wrote: an object added ({@code add} of a
     * parent and a kind, null for any kind), deleted, renamed ({@code name}), moved, a parameter set ({@code param})
     * or some dropped, or a group imported with objects under it.
     */
    public Set<Long> apiChange(BiFunction<Long, ObjectKind, Long> add, LongConsumer param, Supplier<String> name) {
        long id = pick();
        switch (random.nextInt(8)) {
            case 0 -> {
                return Set.of(add.apply(random.nextInt(3) == 0 ? 1 : id, null));
            }
            case 1 -> delete(id);
            case 2 -> rename(id, name.get());
            case 3 -> {
                long parent = pick();
                if (!subtrees(Set.of(id)).contains(parent)) {
                    move(id, parent);
                }
            }
            case 4, 5 -> param.accept(id);
            case 6 -> dropParams(p -> p.objectId() == id && random.nextBoolean());
            default -> {
                long group = add.apply(id, ObjectKind.GROUP);
                for (int i = random.nextInt(5); i > 0; i--) {
                    add.apply(random.nextBoolean() ? group : add.apply(group, ObjectKind.HOST), null);
                }
                return Set.of(group);
            }
        }
        return Set.of(id);
    }

    /** The ids under these ones in the rows now (a cycle is walked once), as the recursive query finds them. */
    public Set<Long> subtrees(Set<Long> roots) {
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

    /** What the tree cache re-reads after a change to {@code roots}: their subtrees in {@code before} and now. */
    public Set<Long> reread(RandomTree before, Set<Long> roots) {
        Set<Long> out = before.subtrees(roots);
        out.addAll(subtrees(roots));
        return out;
    }

    /** Puts these rows now of {@code ids} into {@code loaded}, as the tree cache does with what it re-read. */
    public void patch(LoadedRows loaded, Set<Long> ids) {
        loaded.patch(
                ids,
                rows.values().stream().filter(o -> ids.contains(o.id())).toList(),
                params.stream().filter(p -> ids.contains(p.objectId())).toList());
    }

    /** The object's full name in these rows now (a target or dependency that may not resolve any more later). */
    public String fullName(long id) {
        StringBuilder b = new StringBuilder();
        Set<Long> seen = new HashSet<>();
        for (ObjectRow r = rows.get(id); r != null && r.parentId() != null && seen.add(r.id()); ) {
            b.insert(0, ":" + r.name());
            r = rows.get(r.parentId());
        }
        return "Top" + b;
    }
}
