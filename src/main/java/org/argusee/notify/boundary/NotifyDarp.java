package org.argusee.notify.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import org.argusee.darp.boundary.DarpHere;
import org.argusee.darp.boundary.PeerLinkChanged;
import org.argusee.darp.boundary.SlaveStreams;
import org.argusee.darp.control.duty.NotifyDuty;
import org.argusee.tree.control.TreeNode;

/**
 * Whether this server sends an object's notifications under DARP ({@link NotifyDuty}: {@code slaves_send_notifies},
 * {@code master_notif_gravity} among the servers connected now). The connected peers are followed from the link
 * events (a master's link on a slave, slaves' streams on a master), seeded with the slaves connected already.
 */
@ApplicationScoped
public class NotifyDarp {

    @Inject
    DarpHere here;

    @Inject
    SlaveStreams slaves;

    private final Set<String> connected = new HashSet<>();
    private boolean seeded;

    public NotifyDuty.Decision decide(TreeNode node) {
        return NotifyDuty.decide(node::param, here.topology(), connectedNow());
    }

    private synchronized Set<String> connectedNow() {
        if (!seeded) {
            seeded = true;
            connected.addAll(slaves.connectedTags());
        }
        return Set.copyOf(connected);
    }

    synchronized void linkChanged(@Observes PeerLinkChanged change) {
        if (change.up()) {
            connected.add(change.tag());
        } else {
            connected.remove(change.tag());
        }
    }
}
