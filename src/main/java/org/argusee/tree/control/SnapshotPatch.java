package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Builds the snapshot after a change from the previous one (issue 17): the nodes of the changed subtrees are built
 * from their rows, their parents and every ancestor above are copied with new children lists, and everything else,
 * nodes and index entries, is shared. Gives up (returns null, and the caller builds from all rows) whenever the
 * result could differ from a build from all rows: the previous snapshot had rows left out, or a changed row cannot be
 * placed (no parent, a cycle, a full name taken, Top itself changed). A build from all rows is the reference.
 */
final class SnapshotPatch {

    private final TreeSnapshot previous;
    private final Set<Long> ids;
    private final LongFunction<ObjectRow> objects;
    private final LongFunction<List<ParamRow>> params;
    private final ParameterCatalog catalog;

    private LongTrie<TreeNode> byId;
    private FullNameIndex index;
    private final AliasTargets aliases;
    private int flagged;
    /** Untouched parents that gain children, with the new children under each. */
    private final Map<Long, List<TreeNode>> added = new HashMap<>();

    private final Set<Long> losing = new HashSet<>();
    private final TreeBuilder.Types types = new TreeBuilder.Types();

    private SnapshotPatch(
            TreeSnapshot previous,
            Set<Long> ids,
            LongFunction<ObjectRow> objects,
            LongFunction<List<ParamRow>> params,
            ParameterCatalog catalog) {
        this.previous = previous;
        this.ids = ids;
        this.objects = objects;
        this.params = params;
        this.catalog = catalog;
        this.byId = previous.ids();
        this.index = previous.index().copy();
        this.aliases = previous.aliases().copy();
        this.flagged = previous.flagged();
    }

    /**
     * @param ids     the objects whose rows were read again (deleted ones included), closed under children
     * @param objects the object row of an id now, or null if there is none
     * @param params  the parameter rows of an id now, possibly empty
     * @return the new snapshot, or null if it must be built from all rows
     */
    static TreeSnapshot apply(
            TreeSnapshot previous,
            long revision,
            Set<Long> ids,
            LongFunction<ObjectRow> objects,
            LongFunction<List<ParamRow>> params,
            ParameterCatalog catalog) {
        if (!previous.complete() || ids.contains(previous.top().id())) {
            return null;
        }
        return new SnapshotPatch(previous, ids, objects, params, catalog).apply(revision);
    }

    private TreeSnapshot apply(long revision) {
        if (!removeOld()) {
            return null;
        }
        List<TreeNode> placed = growNew();
        if (placed == null) {
            return null;
        }
        ParameterLoader loader = new ParameterLoader(catalog);
        for (TreeNode node : placed) {
            List<ParamRow> rows = params.apply(node.id());
            if (!rows.isEmpty()) {
                loader.load(node, new ArrayList<>(rows));
            }
        }
        for (TreeNode node : placed) {
            TreeNode parent = parentOf(node);
            StructureCheck.check(node, parent);
            node.inherit(catalog, parent.passedDown());
        }
        TreeNode top = copyAncestors();
        for (TreeNode node : placed) {
            flagged += node.flagged() ? 1 : 0;
        }
        return new TreeSnapshot(revision, top, index, byId, aliases, List.of(), List.of(), flagged);
    }

    /** Takes the changed ids' old nodes out; false if one of them has a child that is not among them. */
    private boolean removeOld() {
        for (long id : ids) {
            TreeNode old = previous.ids().get(id);
            if (old == null) {
                continue;
            }
            for (TreeNode child : old.children()) {
                if (!ids.contains(child.id())) {
                    return false;
                }
            }
            byId = byId.remove(id);
            index.replace(old, null);
            aliases.remove(old);
            flagged -= old.flagged() ? 1 : 0;
            if (!ids.contains(old.parentId())) {
                losing.add(old.parentId());
            }
        }
        return true;
    }

    /**
     * The changed ids that have rows now, placed under the untouched parents they name, level by level as a full
     * build places them; null if one cannot be placed, or its full name is taken (a full build would leave it out).
     */
    private List<TreeNode> growNew() {
        Map<Long, List<ObjectRow>> childRows = new HashMap<>();
        List<ObjectRow> roots = new ArrayList<>();
        int fresh = 0;
        for (long id : ids) {
            ObjectRow row = objects.apply(id);
            if (row == null) {
                if (!params.apply(id).isEmpty()) {
                    return null; // parameters of an object that does not exist: a full build reports them
                }
                continue;
            }
            if (row.kind() == null || row.kind() == ObjectKind.TOP || row.parentId() == null) {
                return null;
            }
            fresh++;
            if (ids.contains(row.parentId())) {
                childRows
                        .computeIfAbsent(row.parentId(), k -> new ArrayList<>())
                        .add(row);
            } else if (byId.get(row.parentId()) != null) {
                roots.add(row);
            } else {
                return null;
            }
        }
        List<TreeNode> placed = new ArrayList<>(fresh);
        List<TreeNode> level = new ArrayList<>();
        for (ObjectRow row : roots) {
            TreeNode node = new TreeNode(row, byId.get(row.parentId()), types.parse(row));
            added.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(node);
            level.add(node);
        }
        while (!level.isEmpty()) {
            level.sort(Comparator.comparingLong(TreeNode::id));
            List<TreeNode> next = new ArrayList<>();
            for (TreeNode node : level) {
                if (index.putIfAbsent(node) != null) {
                    return null;
                }
                placed.add(node);
                byId = byId.put(node.id(), node);
                aliases.add(node);
                for (ObjectRow row : childRows.getOrDefault(node.id(), List.of())) {
                    TreeNode child = new TreeNode(row, node, types.parse(row));
                    node.addChild(child);
                    next.add(child);
                }
            }
            level.forEach(TreeNode::freezeChildren);
            level = next;
        }
        // rows that no placed parent reached are in a cycle among themselves
        return placed.size() == fresh ? placed : null;
    }

    /**
     * Copies each parent whose children changed, then each ancestor above it, deepest first, so every copy holds the
     * copies of its children; returns the new Top.
     */
    private TreeNode copyAncestors() {
        Map<Long, Integer> depth = new HashMap<>();
        Set<Long> changedParents = new HashSet<>(losing);
        changedParents.addAll(added.keySet());
        for (long id : changedParents) {
            for (TreeNode n = byId.get(id); n != null && !depth.containsKey(n.id()); n = parentOf(n)) {
                int d = 0;
                for (Place p = n.place(); p.parent != null; p = p.parent) {
                    d++;
                }
                depth.put(n.id(), d);
            }
        }
        List<Long> order = new ArrayList<>(depth.keySet());
        order.sort(Comparator.comparing(depth::get, Comparator.reverseOrder()));
        Map<Long, TreeNode> copies = new HashMap<>();
        for (long id : order) {
            TreeNode old = byId.get(id);
            List<TreeNode> children = new ArrayList<>(old.children().size() + 1);
            for (TreeNode c : old.children()) {
                if (!ids.contains(c.id())) {
                    children.add(copies.getOrDefault(c.id(), c));
                }
            }
            List<TreeNode> more = added.get(id);
            if (more != null) {
                children.addAll(more);
                children.sort(TreeNode.ORDER);
            }
            TreeNode copy = old.withChildren(children);
            copies.put(id, copy);
            byId = byId.put(id, copy);
            index.replace(old, copy);
        }
        return copies.getOrDefault(previous.top().id(), previous.top());
    }

    private TreeNode parentOf(TreeNode node) {
        return node.parentId() == null ? null : byId.get(node.parentId());
    }
}
