package org.argusee.darp.control.duty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Which objects a master sends one of its slaves (the original's {@code darp_list}): every service whose
 * {@code darp_mode} is not none and whose {@code darp_tags}, read on the master, name the slave, and every
 * group, host and Top above one. {@code DARP/Watch} and {@code Self} services are never sent: they watch this
 * server itself. An alias is sent when its tags name the slave and its target is sent too, so the slave can
 * build it (the original sent it regardless; an alias to an object the slave lacks cannot be built there).
 *
 * <p>One pass over the tree: each object's two parameters are looked up once, each distinct tag list is
 * parsed once, and the climb to the ancestors stops at the first one already taken, so every object is
 * climbed through at most once. {@link Selection} counts that work so tests can check it.
 */
public final class SlaveObjects {

    private SlaveObjects() {}

    /**
     * @param slave  the slave's tag; must be one of {@code master}'s slaves
     * @param master this server
     */
    public static Selection select(TreeSnapshot tree, String slave, DarpTopology master) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(master, "master");
        if (!master.slaves().contains(slave)) {
            throw new IllegalArgumentException("'" + slave + "' is not a slave of DARP server '" + master.self() + "'");
        }
        Walk walk = new Walk(tree, slave, master);
        List<TreeNode> aliases = new ArrayList<>();
        tree.nodes().forEach(node -> {
            walk.examined++;
            if (walk.wanted(node)) {
                if (node.kind() == ObjectKind.ALIAS) {
                    aliases.add(node);
                } else {
                    walk.take(node);
                }
            }
        });
        for (TreeNode alias : aliases) {
            Optional<TreeNode> target = tree.find(alias.aliasTarget());
            if (target.isPresent() && walk.taken.containsKey(target.get())) {
                walk.take(alias);
            }
        }
        List<Long> ids = new ArrayList<>(walk.taken.size());
        tree.nodes().filter(walk.taken::containsKey).forEach(n -> ids.add(n.id()));
        return new Selection(Collections.unmodifiableList(ids), walk.examined, walk.climbed, walk.includes.size());
    }

    /** {@code DARP/Watch/...} and {@code Self...} watch the server they run on. */
    static boolean watchesItself(TreeNode service) {
        String base = service.serviceType()
                .map(t -> t.base())
                .orElseGet(() -> service.type() == null ? "" : service.type().split("/", 2)[0]);
        String b = base.toLowerCase(Locale.ROOT);
        return b.equals("darp") || b.equals("self");
    }

    /**
     * @param ids      the objects to send, parents before children (the tree's depth-first order)
     * @param examined objects looked at: the tree's size
     * @param climbed  ancestors taken while climbing up from a selected object: at most the number of groups
     * @param parsed   distinct tag lists parsed
     */
    public record Selection(List<Long> ids, int examined, int climbed, int parsed) {}

    private static final class Walk {
        final TreeSnapshot tree;
        final String slave;
        final DarpTopology master;
        final Map<TreeNode, Boolean> taken = new IdentityHashMap<>();
        final Map<String, Boolean> includes = new HashMap<>();
        int examined;
        int climbed;

        Walk(TreeSnapshot tree, String slave, DarpTopology master) {
            this.tree = tree;
            this.slave = slave;
            this.master = master;
        }

        boolean wanted(TreeNode node) {
            boolean candidate =
                    node.kind() == ObjectKind.ALIAS || (node.kind() == ObjectKind.SERVICE && !watchesItself(node));
            if (!candidate) {
                return false;
            }
            DarpMode mode = DarpMode.fromParam(node.param(DarpParameters.MODE).orElse(null))
                    .orElse(DarpMode.NONE);
            if (mode == DarpMode.NONE) {
                return false;
            }
            String tags =
                    node.param(DarpParameters.TAGS).filter(t -> !t.isBlank()).orElse(mode.defaultTags());
            return includes.computeIfAbsent(tags, t -> TagList.parse(t).includes(slave, master));
        }

        void take(TreeNode node) {
            taken.put(node, Boolean.TRUE);
            for (TreeNode p = tree.parent(node);
                    p != null && taken.putIfAbsent(p, Boolean.TRUE) == null;
                    p = tree.parent(p)) {
                climbed++;
            }
        }
    }
}
