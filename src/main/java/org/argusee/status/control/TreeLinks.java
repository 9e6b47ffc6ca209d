package org.argusee.status.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The links of a tree that are not parent and child: what each object {@code depends} on (the parameter is
 * inherited, so a group's list applies to everything under it), who depends on whom, and which aliases follow
 * which object. An alias whose target is itself or one of its own ancestors would make its group's status
 * depend on itself: it gets no target. Built whole by {@link #of} (at start, after a full read) or brought up to
 * date in place after a change by {@link LinksPatch} (issue 17), which works object by object through
 * {@link #unlink} and {@link #link}, the same steps the whole build takes. One writer at a time (the status graph's);
 * readers may look up links at any time, and see each object's links either before or after a change.
 */
public final class TreeLinks {

    private final Map<Long, List<Long>> dependencies = new ConcurrentHashMap<>();
    private final Edges dependants = new Edges();
    private final Edges aliases = new Edges();
    private final Map<Long, Long> aliasTargets = new ConcurrentHashMap<>();
    private final Set<Long> nostatus = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> depths = new ConcurrentHashMap<>();
    /** The writer's own: each object's problems and the names it uses that name no object (to try again later). */
    private final Map<Long, Noted> noted = new HashMap<>();
    /** How many objects have each problem. */
    private final SortedMap<String, Integer> problems = new TreeMap<>();
    /** Names that name no object, with the objects that use them. */
    private final Map<String, Set<Long>> unresolved = new HashMap<>();

    private record Noted(List<String> problems, List<String> names) {}

    /** What a {@code depends} text names: the objects found, and the names that name none. */
    record Resolution(List<Long> ids, List<String> missing) {}

    private TreeLinks() {}

    public static TreeLinks of(TreeSnapshot tree) {
        TreeLinks links = new TreeLinks();
        Map<String, Resolution> resolved = new HashMap<>();
        tree.nodes().forEach(node -> {
            links.depths.put(node.id(), node.parentId() == null ? 0 : links.depths.get(node.parentId()) + 1);
            links.link(tree, node, resolved);
        });
        links.publish();
        return links;
    }

    public List<Long> dependencies(long id) {
        return dependencies.getOrDefault(id, List.of());
    }

    /** In no particular order. */
    public List<Long> dependants(long id) {
        return dependants.get(id);
    }

    /** In no particular order. */
    public List<Long> aliasesOf(long id) {
        return aliases.get(id);
    }

    /** What a change of the object affects: its aliases, its parent when it looks different, its dependants. */
    List<Long> affectedBy(TreeNode node, ObjectState before, ObjectState after) {
        long id = node.id();
        List<Long> next = new ArrayList<>(aliasesOf(id));
        if ((after == null || !after.looksLike(before)) && node.parentId() != null) {
            next.add(node.parentId());
        }
        if (before == null || after == null || before.status() != after.status()) {
            next.addAll(dependants(id));
        }
        return next;
    }

    public Optional<Long> aliasTarget(long aliasId) {
        return Optional.ofNullable(aliasTargets.get(aliasId));
    }

    /** Whether the object is left out of its group's status ({@link #nostatus(TreeNode)}), looked up once. */
    public boolean skipped(long id) {
        // most trees have none: no boxed look-up for each child of a group worked out again (issue 17)
        return !nostatus.isEmpty() && nostatus.contains(id);
    }

    /** Levels below Top (Top is 0); deeper objects are worked out first, so each group after its children. */
    public int depth(long id) {
        return depths.getOrDefault(id, 0);
    }

    /** Names in {@code depends} that name no object, and aliases that cannot be followed, in words. */
    public Set<String> problems() {
        return Collections.unmodifiableSet(problems.keySet());
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

    // for LinksPatch and the tests

    /** The names used that named no object when last looked at. */
    Set<String> unresolvedNames() {
        return unresolved.keySet();
    }

    /** The objects that use this name. */
    Set<Long> usersOf(String name) {
        return unresolved.getOrDefault(name, Set.of());
    }

    /** Every object this holds anything for, to see that nothing is left of objects gone. */
    Set<Long> held() {
        Set<Long> ids = new java.util.HashSet<>(dependencies.keySet());
        ids.addAll(dependants.keys());
        ids.addAll(aliases.keys());
        ids.addAll(aliasTargets.keySet());
        ids.addAll(nostatus);
        ids.addAll(depths.keySet());
        ids.addAll(noted.keySet());
        unresolved.values().forEach(ids::addAll);
        return ids;
    }

    void depth(long id, int depth) {
        depths.put(id, depth);
    }

    /** The object is gone: only its depth, as {@link #unlink} takes everything else. */
    void forgetDepth(long id) {
        depths.remove(id);
    }

    /** Takes out everything the object's own parameters and kind put in; what others hold about it stays. */
    void unlink(long id) {
        List<Long> own = dependencies.remove(id);
        if (own != null) {
            own.forEach(d -> dependants.remove(d, id));
        }
        Long target = aliasTargets.remove(id);
        if (target != null) {
            aliases.remove(target, id);
        }
        nostatus.remove(id);
        Noted n = noted.remove(id);
        if (n != null) {
            n.problems().forEach(p -> problems.computeIfPresent(p, (k, c) -> c == 1 ? null : c - 1));
            n.names()
                    .forEach(
                            name -> { // a name may be there twice
                                Set<Long> users = unresolved.get(name);
                                if (users != null && users.remove(id) && users.isEmpty()) {
                                    unresolved.remove(name);
                                }
                            });
        }
    }

    /** Puts in what the node's parameters and kind say (not its depth); {@code resolved} caches texts. */
    void link(TreeSnapshot tree, TreeNode node, Map<String, Resolution> resolved) {
        long id = node.id();
        List<String> found = new ArrayList<>(0);
        List<String> names = new ArrayList<>(0);
        if (nostatus(node)) {
            nostatus.add(id);
        }
        node.param("depends").filter(d -> !d.isBlank()).ifPresent(text -> {
            Resolution r = resolved.computeIfAbsent(text, t -> resolve(tree, t));
            List<Long> own = r.ids().stream().filter(d -> d != id).toList();
            if (!own.isEmpty()) {
                dependencies.put(id, own);
                own.forEach(d -> dependants.add(d, id));
            }
            for (String name : r.missing()) {
                found.add("depends names '" + name + "', which is not an object");
                names.add(name);
            }
        });
        if (node.kind() == ObjectKind.ALIAS) {
            linkAlias(tree, node, found, names);
        }
        if (!found.isEmpty()) {
            noted.put(id, new Noted(found, names));
            found.forEach(p -> problems.merge(p, 1, Integer::sum));
            names.forEach(name ->
                    unresolved.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(id));
        }
    }

    /** Makes the dependants and aliases changed since the last call visible to readers. */
    void publish() {
        dependants.publish();
        aliases.publish();
    }

    private static Resolution resolve(TreeSnapshot tree, String text) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>(0);
        for (String name : text.strip().split("\\s+")) {
            Optional<TreeNode> target = tree.find(name);
            if (target.isPresent()) {
                ids.add(target.get().id());
            } else {
                missing.add(name);
            }
        }
        return new Resolution(List.copyOf(ids), missing);
    }

    private void linkAlias(TreeSnapshot tree, TreeNode alias, List<String> found, List<String> names) {
        Optional<TreeNode> target = tree.find(alias.aliasTarget());
        if (target.isEmpty()) {
            found.add("alias " + alias.fullName() + " points to '" + alias.aliasTarget() + "', which is not an object");
            if (alias.aliasTarget() != null) {
                names.add(alias.aliasTarget());
            }
            return;
        }
        for (TreeNode n = alias; n != null; n = tree.parent(n)) {
            if (n.id() == target.get().id()) {
                found.add("alias " + alias.fullName() + " points to itself or an object above it: it is left unknown");
                return;
            }
        }
        aliasTargets.put(alias.id(), target.get().id());
        aliases.add(target.get().id(), alias.id());
    }
}
