package org.argusee.darp.control.combine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.argusee.darp.control.duty.DarpMode;
import org.argusee.darp.control.duty.DarpParameters;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Which services a master combines, and which to combine again when something changes. A report changes only
 * the object it is about (the caller knows those); a slave's link coming up or going down changes only the ietf
 * objects whose tags name it (the other gravities count a disconnected slave's last report as it is); a new tree
 * or new peers may change any of them.
 */
public final class Recombination {

    private Recombination() {}

    /** The object's DARP settings when this server combines reports for it, else empty. */
    public static Optional<DarpParameters> combined(TreeNode node, DarpTopology here) {
        // this server's role first: it is at hand, where the node is another object per probe, seldom in a cache
        if (!here.isMaster() || node.kind() != ObjectKind.SERVICE) {
            return Optional.empty();
        }
        // cheap first look: most services of most trees have no darp_mode at all
        Optional<DarpMode> mode = node.param(DarpParameters.MODE).flatMap(DarpMode::fromParam);
        if (mode.isEmpty() || (mode.get() != DarpMode.DISTRIBUTED && mode.get() != DarpMode.REDUNDANT)) {
            return Optional.empty();
        }
        DarpParameters p = DarpParameters.of(node);
        return p.gravity() == DarpGravity.SELF ? Optional.empty() : Optional.of(p);
    }

    /** Every service of the tree whose status this server combines. */
    public static List<Long> combinedIn(TreeSnapshot tree, DarpTopology here) {
        List<Long> ids = new ArrayList<>();
        if (here.isMaster()) {
            tree.nodes().filter(n -> combined(n, here).isPresent()).forEach(n -> ids.add(n.id()));
        }
        return ids;
    }

    /**
     * Of {@code candidates} (the services combined so far), those whose status may change when slave {@code tag}
     * connects or disconnects: gravity ietf, with {@code tag} in their tags.
     */
    public static List<Long> onLinkChange(
            TreeSnapshot tree, Collection<Long> candidates, String tag, DarpTopology here) {
        List<Long> ids = new ArrayList<>();
        for (long id : candidates) {
            tree.byId(id)
                    .flatMap(n -> combined(n, here))
                    .filter(p -> p.gravity() == DarpGravity.IETF && p.tags().includes(tag, here))
                    .ifPresent(p -> ids.add(id));
        }
        return ids;
    }
}
