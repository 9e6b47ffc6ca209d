package org.argusee.status.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The links of a tree that are not parent and child: what each object {@code depends} on (the parameter is
 * inherited, so a group's list applies to everything under it), who depends on whom, and which aliases follow
 * which object. An alias whose target is itself or one of its own ancestors would make its group's status
 * depend on itself: it gets no target. Built once per tree snapshot.
 */
public final class TreeLinks {

    private final Map<Long, List<Long>> dependencies = new HashMap<>();
    private final Map<Long, List<Long>> dependants = new HashMap<>();
    private final Map<Long, List<Long>> aliases = new HashMap<>();
    private final Map<Long, Long> aliasTargets = new HashMap<>();
    private final Set<Long> nostatus = new HashSet<>();
    private final Map<Long, Integer> depths = new HashMap<>();
    private final Set<String> problems = new TreeSet<>();

    private TreeLinks() {}

    public static TreeLinks of(TreeSnapshot tree) {
        TreeLinks links = new TreeLinks();
        Map<String, List<Long>> resolved = new HashMap<>();
        tree.nodes().forEach(node -> {
            links.depths.put(node.id(), node.parentId() == null ? 0 : links.depths.get(node.parentId()) + 1);
            if (nostatus(node)) {
                links.nostatus.add(node.id());
            }
            node.param("depends").filter(d -> !d.isBlank()).ifPresent(text -> {
                List<Long> ids = resolved.computeIfAbsent(text, t -> links.resolve(tree, t));
                List<Long> own = ids.stream().filter(id -> id != node.id()).toList();
                if (!own.isEmpty()) {
                    links.dependencies.put(node.id(), own);
                    own.forEach(d -> links.dependants
                            .computeIfAbsent(d, k -> new ArrayList<>())
                            .add(node.id()));
                }
            });
            if (node.kind() == ObjectKind.ALIAS) {
                links.linkAlias(tree, node);
            }
        });
        return links;
    }

    public List<Long> dependencies(long id) {
        return dependencies.getOrDefault(id, List.of());
    }

    public List<Long> dependants(long id) {
        return dependants.getOrDefault(id, List.of());
    }

    public List<Long> aliasesOf(long id) {
        return aliases.getOrDefault(id, List.of());
    }

    public Optional<Long> aliasTarget(long aliasId) {
        return Optional.ofNullable(aliasTargets.get(aliasId));
    }

    /** Whether the object is left out of its group's status ({@link #nostatus(TreeNode)}), looked up once. */
    public boolean skipped(long id) {
        return nostatus.contains(id);
    }

    /** Levels below Top (Top is 0); deeper objects are worked out first, so each group after its children. */
    public int depth(long id) {
        return depths.getOrDefault(id, 0);
    }

    /** Names in {@code depends} that name no object, and aliases that cannot be followed, in words. */
    public Set<String> problems() {
        return problems;
    }

    /** {@code nostatus} or {@code passive} (which implies it); a value that is not a boolean counts as no. */
    public static boolean nostatus(TreeNode node) {
        return flag(node, "nostatus") || flag(node, "passive");
    }

    public static boolean flag(TreeNode node, String key) {
        return node.param(key)
                .filter(BooleanValue::isValid)
                .map(BooleanValue::parse)
                .orElse(false);
    }

    private List<Long> resolve(TreeSnapshot tree, String text) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : text.strip().split("\\s+")) {
            Optional<TreeNode> target = tree.find(name);
            if (target.isPresent()) {
                ids.add(target.get().id());
            } else {
                problems.add("depends names '" + name + "', which is not an object");
            }
        }
        return List.copyOf(ids);
    }

    private void linkAlias(TreeSnapshot tree, TreeNode alias) {
        Optional<TreeNode> target = tree.find(alias.aliasTarget());
        if (target.isEmpty()) {
            problems.add(
                    "alias " + alias.fullName() + " points to '" + alias.aliasTarget() + "', which is not an object");
            return;
        }
        for (TreeNode n = alias; n != null; n = tree.parent(n)) {
            if (n.id() == target.get().id()) {
                problems.add(
                        "alias " + alias.fullName() + " points to itself or an object above it: it is left unknown");
                return;
            }
        }
        aliasTargets.put(alias.id(), target.get().id());
        aliases.computeIfAbsent(target.get().id(), k -> new ArrayList<>()).add(alias.id());
    }
}
