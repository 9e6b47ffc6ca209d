package org.argusee.darp.control.combine;

import java.util.HashSet;
import java.util.Set;
import org.argusee.darp.control.duty.DarpTopology;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The services a master combines ({@link Recombination#combinedIn}), kept for the last tree asked about: for a tree
 * built from that one over some changed objects ({@link #patched}), only those objects are looked at again (issue 17),
 * not every node of the tree on each reload. Every other object of a patched tree is the same, with the same
 * parameters, inherited ones included (a change re-reads a group's whole subtree), so whether it is combined did not
 * change. A new topology, or a tree not known to come from the last one, is walked whole.
 */
public final class CombinedServices {

    private TreeSnapshot tree;
    private DarpTopology topology;
    private Set<Long> ids = Set.of();
    /** The last patched reload seen: {@code next} built from {@code from} over {@code changed}. */
    private TreeSnapshot from;

    private TreeSnapshot next;
    private Set<Long> changed = Set.of();

    /**
     * A new tree: built from {@code patchedFrom} over the objects {@code changed}, or, with {@code patchedFrom} null,
     * not (then no older tree is held on to: one built whole shares nothing with the next).
     */
    public synchronized void reloaded(TreeSnapshot patchedFrom, TreeSnapshot current, Set<Long> changed) {
        this.from = patchedFrom;
        this.next = patchedFrom == null ? null : current;
        this.changed = patchedFrom == null ? Set.of() : changed;
    }

    /** The same ids as {@link Recombination#combinedIn}, as a set of their own. */
    public synchronized Set<Long> in(TreeSnapshot now, DarpTopology here) {
        if (now != tree || !here.equals(topology)) {
            if (here.equals(topology) && tree != null && from == tree && next == now) {
                Set<Long> kept = new HashSet<>(ids);
                for (long id : changed) {
                    kept.remove(id);
                    TreeNode node = now.byId(id).orElse(null);
                    if (node != null && Recombination.combined(node, here).isPresent()) {
                        kept.add(id);
                    }
                }
                ids = kept;
            } else {
                ids = new HashSet<>(Recombination.combinedIn(now, here));
            }
            tree = now;
            topology = here;
        }
        return new HashSet<>(ids);
    }
}
