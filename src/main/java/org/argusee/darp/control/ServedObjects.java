package org.argusee.darp.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Which objects a master serves to a slave: the services the slave must test (it may also test them only in
 * failover), and every Group and Host on their paths. This is the one place that decides it, so the full duty
 * rules (darp.control.duty) can take over here.
 */
public final class ServedObjects {

    private ServedObjects() {
    }

    /** Top first, parents before children, children in their order. */
    public static List<TreeNode> forSlave(TreeSnapshot tree, String slaveTag) {
        Set<Long> wanted = new HashSet<>();
        wanted.add(tree.top().id());
        tree.nodes().filter(n -> n.kind() == ObjectKind.SERVICE && servedTo(n, slaveTag)).forEach(n -> {
            TreeNode p = n;
            while (p != null && wanted.add(p.id())) {
                p = p.parent();
            }
        });
        List<TreeNode> out = new ArrayList<>(wanted.size());
        tree.nodes().filter(n -> wanted.contains(n.id())).forEach(out::add);
        return out;
    }

    /**
     * A service is served when its effective {@code darp_mode} lets slaves test it (failover, distributed,
     * redundant) and its effective {@code darp_tags} name this slave (default SLAVES for distributed, * otherwise).
     * DARP/Watch and Self services never are: they are about the server that runs them.
     */
    public static boolean servedTo(TreeNode service, String slaveTag) {
        if (service.kind() != ObjectKind.SERVICE || neverServed(service.type())) {
            return false;
        }
        String mode = service.param("darp_mode").orElse("none").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("failover") && !mode.equals("distributed") && !mode.equals("redundant")) {
            return false;
        }
        String tags = service.param("darp_tags").filter(t -> !t.isBlank())
                .orElse(mode.equals("distributed") ? "SLAVES" : "*");
        for (String t : tags.strip().split("[\\s,]+")) {
            if (t.equals("*") || t.equalsIgnoreCase("SLAVES") || t.equals(slaveTag)) {
                return true;
            }
        }
        return false;
    }

    static boolean neverServed(String type) {
        if (type == null) {
            return true;
        }
        String[] parts = type.split("/");
        return parts[0].equalsIgnoreCase("Self")
                || (parts[0].equalsIgnoreCase("DARP") && parts.length > 1 && parts[1].equalsIgnoreCase("Watch"));
    }
}
