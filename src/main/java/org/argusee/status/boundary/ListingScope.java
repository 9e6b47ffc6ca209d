package org.argusee.status.boundary;

import jakarta.ws.rs.core.SecurityContext;
import org.argusee.status.control.ObjectState;
import org.argusee.tree.control.TreeNode;

/**
 * What one caller may see of the tree, for listings cut to a limit ({@code GET /api/status}): the filter must run
 * before the cut, or hidden objects would take the places of visible ones. Status knows nothing of who may see
 * what; the component with the ACLs (web) provides the one implementation. Without one, everybody sees all.
 */
public interface ListingScope {

    /** What this caller sees; null when they see everything as the board has it. */
    Seen of(SecurityContext caller);

    /** One caller's view of the tree. */
    interface Seen {

        boolean sees(TreeNode node);

        /** The object's state as they see it (a group from its visible children); null while unknown. */
        ObjectState state(TreeNode node);
    }
}
