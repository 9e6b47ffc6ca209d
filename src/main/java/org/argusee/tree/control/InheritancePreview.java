package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change to one object would do to the effective parameters of it and everything under it, worked out on
 * the snapshot without writing: new own parameters, a new parent (a move), a new name (a Host's name is its
 * descendants' {@code hostname}). Same rules as {@link TreeNode} and {@link Inheritance}. Below the object only the keys
 * whose passed-down value changes are compared, and a subtree where none is left is not walked.
 */
public final class InheritancePreview {

    /** One effective value that changes; null old or new: the key appears or disappears. */
    public record Change(String fullName, String key, String oldValue, String newValue, String newSource) {}

    /**
     * @param newFullName where the object ends up (differs after a move or rename)
     * @param objects     how many objects get a changed effective value
     * @param warnings    what else the change does (aliases it leaves pointing at nothing), for the person to read
     * @param total       how many values change in all; {@code changes} holds at most the limit
     */
    public record Preview(
            String fullName,
            String newFullName,
            int objects,
            int total,
            boolean truncated,
            List<Change> changes,
            List<String> warnings) {

        public Preview withWarnings(List<String> more) {
            return new Preview(fullName, newFullName, objects, total, truncated, changes, List.copyOf(more));
        }
    }

    private final ParameterCatalog catalog;
    private final int limit;
    private final List<Change> changes = new ArrayList<>();
    private int objects;
    private int total;

    private InheritancePreview(ParameterCatalog catalog, int limit) {
        this.catalog = catalog;
        this.limit = limit;
    }

    /**
     * @param newOwn    the object's own usable parameters after the change; null: unchanged
     * @param newParent null: stays where it is
     * @param newName   null: keeps its name
     */
    public static Preview of(
            TreeNode root,
            List<Parameter> newOwn,
            TreeNode newParent,
            String newName,
            ParameterCatalog catalog,
            int limit) {
        InheritancePreview p = new InheritancePreview(catalog, limit);
        String name = newName != null ? newName : root.name();
        String parentName = newParent != null ? newParent.fullName() : root.parentFullName();
        String fullName = parentName == null ? root.fullName() : parentName + ":" + name;
        Map<String, EffectiveParameter> inherited = newParent != null ? newParent.passedDown() : root.inherited();
        p.walk(root, name, inherited, newOwn != null ? newOwn : root.usableParameters(), fullName);
        return new Preview(
                root.fullName(),
                fullName,
                p.objects,
                p.total,
                p.total > p.changes.size(),
                List.copyOf(p.changes),
                List.of());
    }

    private void walk(
            TreeNode node,
            String name,
            Map<String, EffectiveParameter> inherited,
            List<Parameter> own,
            String fullName) {
        SortedMap<String, EffectiveParameter> before = node.effectiveParameters();
        SortedMap<String, EffectiveParameter> after = effective(node.kind(), name, inherited, own, fullName);
        boolean changed = false;
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String old = value(before.get(key));
            String now = value(after.get(key));
            if (!Objects.equals(old, now)) {
                changed = true;
                total++;
                if (changes.size() < limit) {
                    EffectiveParameter source = after.get(key);
                    changes.add(new Change(node.fullName(), key, old, now, source == null ? null : source.source()));
                }
            }
        }
        if (changed) {
            objects++;
        }
        below(node, inherited, own, name, fullName, null);
    }

    /**
     * The children of {@code node}: only keys whose passed-down value differs can change below it, so each child
     * compares those alone (a lookup each, not a map), and a subtree with none left is not walked.
     */
    private void below(
            TreeNode node,
            Map<String, EffectiveParameter> inherited,
            List<Parameter> own,
            String name,
            String fullName,
            Set<String> candidates) {
        if (node.children().isEmpty()) {
            return;
        }
        Map<String, EffectiveParameter> down =
                Inheritance.passDown(inherited, node.kind(), name, own, catalog, () -> fullName);
        Map<String, EffectiveParameter> before = node.passedDown();
        Set<String> keys = new TreeSet<>();
        for (String key : candidates != null ? candidates : union(down.keySet(), before.keySet())) {
            if (!Objects.equals(value(down.get(key)), value(before.get(key)))) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        for (TreeNode child : node.children()) {
            String childName = fullName + ":" + child.name();
            boolean changed = false;
            for (String key : keys) {
                EffectiveParameter now = effective(child, key, down, childName);
                String old = child.param(key).orElse(null);
                if (!Objects.equals(old, value(now))) {
                    changed = true;
                    total++;
                    if (changes.size() < limit) {
                        changes.add(
                                new Change(child.fullName(), key, old, value(now), now == null ? null : now.source()));
                    }
                }
            }
            if (changed) {
                objects++;
            }
            below(child, down, child.usableParameters(), child.name(), childName, keys);
        }
    }

    /** One key as {@link TreeNode#param} finds it, with {@code inherited} in place of what the parent passes. */
    private static EffectiveParameter effective(
            TreeNode node, String key, Map<String, EffectiveParameter> inherited, String fullName) {
        List<Parameter> own = node.usableParameters();
        for (boolean local : new boolean[] {true, false}) {
            for (int i = own.size() - 1; i >= 0; i--) {
                Parameter p = own.get(i);
                if (p.local() == local && p.key().equals(key)) {
                    return new EffectiveParameter(key, p.value(), fullName);
                }
            }
        }
        if (node.kind() == ObjectKind.HOST && "hostname".equals(key)) {
            return new EffectiveParameter(key, node.name(), fullName);
        }
        return inherited.get(key);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** As {@link TreeNode#effectiveParameters()}: inherited, a Host's hostname, own plain, then own local. */
    private static SortedMap<String, EffectiveParameter> effective(
            ObjectKind kind,
            String name,
            Map<String, EffectiveParameter> inherited,
            List<Parameter> own,
            String source) {
        TreeMap<String, EffectiveParameter> m = new TreeMap<>(inherited);
        if (kind == ObjectKind.HOST) {
            m.put("hostname", new EffectiveParameter("hostname", name, source));
        }
        for (boolean local : new boolean[] {false, true}) {
            for (Parameter p : own) {
                if (p.local() == local) {
                    m.put(p.key(), new EffectiveParameter(p.key(), p.value(), source));
                }
            }
        }
        return m;
    }

    private static String value(EffectiveParameter p) {
        return p == null ? null : p.value();
    }
}
