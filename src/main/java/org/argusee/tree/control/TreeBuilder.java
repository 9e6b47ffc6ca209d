package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a snapshot from rows that may be wrong in any way a person with SQL access can make them: the
 * tree is grown from Top level by level, so whatever Top cannot reach (orphans, cycles, the losers of a
 * full-name collision and everything below them) is left out with a problem each. Nothing recurses.
 */
final class TreeBuilder {

    private final ProblemLog problems = new ProblemLog();
    private final Map<Long, ObjectRow> rows = new HashMap<>();
    private final Map<Long, TreeNode> nodes = new HashMap<>();
    private final Set<Long> reported = new HashSet<>();
    private final Map<Long, List<ObjectRow>> childRows = new HashMap<>();
    private final FullNameIndex index = new FullNameIndex();
    private final Types types = new Types();

    TreeSnapshot build(
            long revision, Collection<ObjectRow> objects, Collection<ParamRow> params, ParameterCatalog catalog) {
        List<ObjectRow> sorted = objects.stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(ObjectRow::id))
                .toList();
        for (ObjectRow row : sorted) {
            if (rows.putIfAbsent(row.id(), row) != null) {
                problems.add("#" + row.id(), "id", "another object has the same id; left out");
            }
        }
        TreeNode top = new TreeNode(topRow(sorted), null, null);
        indexChildren(sorted, top.id());
        grow(top);
        new LeftOutObjects(rows, nodes.keySet(), reported, problems).report(sorted);
        List<TreeNode> preorder = TreeSnapshot.preorder(top);
        preorder.forEach(node -> StructureCheck.check(node, parentOf(node)));
        ProblemLog stray = new ProblemLog();
        new ParameterLoader(catalog, nodes, rows.keySet(), stray).load(params, preorder);
        top.inherit(catalog, Map.of());
        for (TreeNode node : preorder) {
            for (TreeNode child : node.children()) {
                child.inherit(catalog, node.passedDown());
            }
        }
        LongTrie<TreeNode> byId = LongTrie.empty();
        AliasTargets aliases = new AliasTargets();
        for (TreeNode node : preorder) {
            byId = byId.put(node.id(), node);
            aliases.add(node);
        }
        int flagged = (int) preorder.stream().filter(TreeNode::flagged).count();
        return new TreeSnapshot(revision, top, index, byId, aliases, problems.list(), stray.list(), flagged);
    }

    private TreeNode parentOf(TreeNode node) {
        return node.parentId() == null ? null : nodes.get(node.parentId());
    }

    private ObjectRow topRow(List<ObjectRow> sorted) {
        List<ObjectRow> tops = sorted.stream()
                .filter(r -> r.kind() == ObjectKind.TOP && rows.get(r.id()) == r)
                .toList();
        if (tops.isEmpty()) {
            long id = 0;
            while (rows.containsKey(id)) {
                id--;
            }
            problems.add("Top", "kind", "there is no Top object; an empty Top stands in for it");
            return new ObjectRow(id, null, ObjectKind.TOP, "Top", null, null, 0);
        }
        ObjectRow top = tops.get(0);
        for (ObjectRow other : tops.subList(1, tops.size())) {
            reported.add(other.id());
            problems.add("#" + other.id(), "kind", "a second Top (the first is #" + top.id() + "); left out");
        }
        if (top.parentId() != null) {
            problems.add("Top", "parent", "Top has a parent (#" + top.parentId() + "), which is ignored");
        }
        return top;
    }

    private void indexChildren(List<ObjectRow> sorted, long topId) {
        for (ObjectRow row : sorted) {
            if (row.id() == topId || reported.contains(row.id()) || rows.get(row.id()) != row) {
                continue;
            }
            if (row.kind() == null) {
                left(row, "kind", "has no kind; left out");
            } else if (row.kind() == ObjectKind.TOP) {
                continue;
            } else if (row.parentId() == null) {
                left(row, "parent", "has no parent; left out");
            } else {
                childRows
                        .computeIfAbsent(row.parentId(), k -> new ArrayList<>())
                        .add(row);
            }
        }
    }

    /**
     * One level at a time, in id order within a level, so that of two objects with one full name the one
     * with the lower id stays (a shallower one always wins, which only matters for names containing ':').
     */
    private void grow(TreeNode top) {
        index.putIfAbsent(top);
        nodes.put(top.id(), top);
        List<TreeNode> level = List.of(top);
        while (!level.isEmpty()) {
            List<TreeNode> next = new ArrayList<>();
            for (TreeNode parent : level) {
                for (ObjectRow row : childRows.getOrDefault(parent.id(), List.of())) {
                    next.add(new TreeNode(row, parent, types.parse(row)));
                }
            }
            next.sort(Comparator.comparingLong(TreeNode::id));
            List<TreeNode> accepted = new ArrayList<>(next.size());
            for (TreeNode node : next) {
                TreeNode other = index.putIfAbsent(node);
                if (other != null) {
                    left(
                            rows.get(node.id()),
                            "name",
                            "full name '" + node.fullName() + "' is already taken by #" + other.id() + "; left out");
                } else {
                    nodes.put(node.id(), node);
                    nodes.get(node.parentId()).addChild(node);
                    accepted.add(node);
                }
            }
            level.forEach(TreeNode::freezeChildren);
            level = accepted;
        }
    }

    /** Service types parsed once per text: most services share few types. */
    static final class Types {
        private final Map<String, Optional<ServiceType>> parsed = new HashMap<>();

        /** Null if the type does not parse; {@link StructureCheck} reports why. */
        ServiceType parse(ObjectRow row) {
            if (row.kind() != ObjectKind.SERVICE || row.type() == null) {
                return null;
            }
            return parsed.computeIfAbsent(row.type(), text -> {
                        try {
                            return Optional.of(ServiceType.parse(text));
                        } catch (IllegalArgumentException e) {
                            return Optional.empty();
                        }
                    })
                    .orElse(null);
        }
    }

    private void left(ObjectRow row, String field, String message) {
        reported.add(row.id());
        problems.add("#" + row.id(), field, message);
    }
}
