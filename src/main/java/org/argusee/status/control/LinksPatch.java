package org.argusee.status.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Brings {@link TreeLinks} up to date in place after a change, and says where the status graph's partial reload
 * starts (issue 17), both from the changed objects alone, never from the whole tree. Only for a snapshot built from
 * the previous one over the changed ids (a patched snapshot, {@code TreeReloaded#patched}): every object outside
 * them is then the same, with the same full name and parameters, and no object came or went without being among
 * them. What can differ outside them: the links of objects whose {@code depends} or alias target names a changed
 * object (found through the links the other way), or named no object before and does now (the names that named none
 * are kept, and looked up again each time: they are few, each is a problem logged). Those objects are linked again;
 * the rest keep their links. {@link TreeLinks#of} on the new tree is the reference (LinksPatchFuzzTest).
 */
final class LinksPatch {

    private final TreeLinks links;
    private final TreeSnapshot previous;
    private final TreeSnapshot next;
    private final Set<Long> changed;

    private LinksPatch(TreeLinks links, TreeSnapshot previous, TreeSnapshot next, Set<Long> changed) {
        this.links = links;
        this.previous = previous;
        this.next = next;
        this.changed = changed;
    }

    /**
     * @param changed every object whose rows differ between the two snapshots (those gone included), closed under
     *                children, as the tree cache re-read them
     * @return where the reload starts, as {@link ReloadScope} would find it: the changed objects, their parents before
     *     and after, the objects whose links were worked out again, the parents of those whose links differ; only
     *     objects of {@code next}
     */
    static Set<Long> apply(TreeLinks links, TreeSnapshot previous, TreeSnapshot next, Set<Long> changed) {
        return new LinksPatch(links, previous, next, changed).apply();
    }

    private Set<Long> apply() {
        Set<Long> redo = new HashSet<>();
        for (long id : changed) {
            redo.add(id);
            redo.addAll(links.dependants(id));
            redo.addAll(links.aliasesOf(id));
        }
        for (String name : List.copyOf(links.unresolvedNames())) {
            if (next.find(name).isPresent()) {
                redo.addAll(links.usersOf(name));
            }
        }
        Set<Long> start = new HashSet<>(redo);
        for (long id : changed) {
            previous.byId(id).map(TreeNode::parentId).ifPresent(start::add);
            next.byId(id).map(TreeNode::parentId).ifPresent(start::add);
        }
        Map<Long, Object> before = new HashMap<>();
        for (long id : redo) {
            before.put(id, linksOf(id));
            links.unlink(id);
        }
        depths();
        Map<String, TreeLinks.Resolution> resolved = new HashMap<>();
        for (long id : redo) {
            TreeNode node = next.byId(id).orElse(null);
            if (node != null) {
                links.link(next, node, resolved);
                if (!Objects.equals(before.get(id), linksOf(id)) && node.parentId() != null) {
                    start.add(node.parentId());
                }
            }
        }
        links.publish();
        start.removeIf(id -> next.byId(id).isEmpty());
        return start;
    }

    /** What the status of an object depends on, besides its children: compared before and after. */
    private List<Object> linksOf(long id) {
        return List.of(links.dependencies(id), links.aliasTarget(id), links.skipped(id));
    }

    /**
     * The depths of the changed objects: gone ones forgotten, the others one below their parents, worked out from
     * the nearest ancestor that did not change (never recursively: trees can be thousands deep).
     */
    private void depths() {
        Set<Long> done = new HashSet<>();
        List<TreeNode> present = new ArrayList<>(changed.size());
        for (long id : changed) {
            next.byId(id).ifPresentOrElse(present::add, () -> links.forgetDepth(id));
        }
        for (TreeNode node : present) {
            Deque<TreeNode> chain = new ArrayDeque<>();
            TreeNode n = node;
            while (n.parentId() != null && changed.contains(n.id()) && !done.contains(n.id())) {
                chain.push(n);
                n = next.parent(n);
            }
            int depth = n.parentId() == null ? 0 : links.depth(n.id());
            while (!chain.isEmpty()) {
                TreeNode c = chain.pop();
                depth++;
                links.depth(c.id(), depth);
                done.add(c.id());
            }
        }
    }
}
