package org.argusee.tree.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.argusee.platform.control.ConcurrentLongMap;

/**
 * The rows of the object and parameter tables as last read, kept beside the snapshot so that a change re-reads
 * only the rows it touched (issue 17): reading 100,000 objects and their parameters cost more than building the
 * snapshot from them. Every snapshot, at start and after a change, is built from these rows, so a patched set
 * builds exactly what a full read would. Owned by one writer (the tree cache, under its lock); not thread-safe.
 * <p>
 * Kept for as long as the snapshot, one entry an object: keyed by primitive ids, each object's parameter rows an
 * immutable list (no boxed key, tree entry or spare array slots an object, issue 17).
 */
public final class LoadedRows {

    private static final Comparator<ParamRow> PARAM_ORDER = Comparator.comparingInt(ParamRow::position)
            .thenComparing(ParamRow::key, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ParamRow::local);

    private final ConcurrentLongMap<ObjectRow> objects = new ConcurrentLongMap<>();
    /** By object id; built in id order, so that parameters of missing objects are reported in one order. */
    private final ConcurrentLongMap<List<ParamRow>> params = new ConcurrentLongMap<>();

    private boolean lastPatched;

    public LoadedRows(Collection<ObjectRow> objects, Collection<ParamRow> params) {
        put(objects, params);
    }

    /**
     * The objects with these ids and everything below them in these rows: what a change to those subtrees may
     * have changed or deleted (a cascade takes the children without naming them). A cycle is walked once.
     */
    public Set<Long> subtrees(Collection<Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (ObjectRow row : objects.values()) {
            if (row.parentId() != null) {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>(4))
                        .add(row.id());
            }
        }
        Set<Long> out = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (out.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return out;
    }

    /**
     * Replaces the rows of the objects {@code ids}: what was held for them goes, {@code fresh} rows (read now,
     * for those ids only) come in; an id without a fresh object row was deleted.
     */
    public void patch(Collection<Long> ids, Collection<ObjectRow> fresh, Collection<ParamRow> freshParams) {
        for (Long id : ids) {
            objects.remove(id);
            params.remove(id);
        }
        put(fresh, freshParams);
    }

    /** As {@link #patch(Collection, Collection, Collection)}, with the fresh rows as read for those ids. */
    public void patch(Collection<Long> ids, LoadedRows fresh) {
        List<ParamRow> freshParams = new ArrayList<>();
        fresh.params.forEach((id, rows) -> freshParams.addAll(rows));
        patch(ids, fresh.objects.values(), freshParams);
    }

    public int objectCount() {
        return objects.size();
    }

    /**
     * The snapshot of these rows after {@link #patch} of {@code ids}, built from {@code previous} (the snapshot of the
     * rows before the patch, with the same catalog) where it can be: only the changed subtrees and their ancestors
     * are new; otherwise (rows left out before or after, see {@link SnapshotPatch}) built from all rows.
     */
    public TreeSnapshot rebuild(TreeSnapshot previous, Collection<Long> ids, long revision, ParameterCatalog catalog) {
        Set<Long> changed = ids instanceof Set<Long> s ? s : new HashSet<>(ids);
        TreeSnapshot next = changed.size() > previous.size() / 2
                ? null
                : SnapshotPatch.apply(previous, revision, changed, objects::get, this::paramsOf, catalog);
        lastPatched = next != null;
        return next != null ? next : build(revision, catalog);
    }

    /** Whether the last {@link #rebuild} could build from the previous snapshot. */
    public boolean lastPatched() {
        return lastPatched;
    }

    public TreeSnapshot build(long revision, ParameterCatalog catalog) {
        List<ParamRow> all = new ArrayList<>();
        long[] ids = params.keys();
        Arrays.sort(ids);
        for (long id : ids) {
            all.addAll(params.get(id));
        }
        return TreeSnapshot.build(revision, objects.values(), all, catalog);
    }

    private void put(Collection<ObjectRow> fresh, Collection<ParamRow> freshParams) {
        for (ObjectRow row : fresh) {
            objects.put(row.id(), row);
        }
        Map<Long, List<ParamRow>> touched = new HashMap<>();
        for (ParamRow row : freshParams) {
            touched.computeIfAbsent(row.objectId(), id -> new ArrayList<>(paramsOf(id)))
                    .add(row);
        }
        // the order the database returned is arbitrary; sorted here, a re-read list equals the first one
        touched.forEach((id, rows) -> {
            rows.sort(PARAM_ORDER);
            params.put(id, List.copyOf(rows));
        });
    }

    private List<ParamRow> paramsOf(long id) {
        List<ParamRow> rows = params.get(id);
        return rows == null ? List.of() : rows;
    }
}
