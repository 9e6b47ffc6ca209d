package org.argusee.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import org.argusee.status.boundary.ListingScope;
import org.argusee.status.control.ObjectState;
import org.argusee.tree.control.TreeNode;
import org.argusee.web.control.SeenStates;
import org.argusee.web.control.Visibility;

/** The ACLs for the status component's listings: what a caller sees, asked before a listing is cut to its limit. */
@ApplicationScoped
public class VisibleListings implements ListingScope {

    @Inject
    Viewers viewers;

    @Inject
    DashboardRows rows;

    @Override
    public Seen of(SecurityContext caller) {
        if (caller == null || caller.getUserPrincipal() == null) {
            return null;
        }
        Visibility visible = viewers.visibility(Viewers.of(caller));
        if (visible == Visibility.ALL) {
            return null;
        }
        SeenStates seen = rows.seen(visible);
        return new Seen() {
            @Override
            public boolean sees(TreeNode node) {
                return visible.sees(node);
            }

            @Override
            public ObjectState state(TreeNode node) {
                return seen.state(node);
            }
        };
    }
}
