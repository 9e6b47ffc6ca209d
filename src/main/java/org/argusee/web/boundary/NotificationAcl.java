package org.argusee.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashSet;
import java.util.Set;
import org.argusee.notify.boundary.NotificationAccess;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Acl;
import org.argusee.web.control.Viewer;
import org.argusee.web.control.Visibility;

/**
 * The tree's ACLs for the notifications API (notify's port): the notifications of an object the caller may not
 * see are hidden; acknowledging needs the object's {@code acl_ntfyack} (from {@code acl_staff}, as the original).
 * A notification of an object since deleted is judged by Top's lists. Admins see and acknowledge everything.
 */
@ApplicationScoped
public class NotificationAcl implements NotificationAccess {

    @Inject
    TreeCache cache;

    @Inject
    Viewers viewers;

    @Override
    public Set<String> hidden(SecurityContext caller) {
        Viewer viewer = Viewers.of(caller);
        TreeSnapshot tree = cache.snapshot();
        Visibility visible = viewers.visibility(tree, viewer);
        if (visible == Visibility.ALL) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (long id : visible.hiddenIds()) {
            tree.byId(id).ifPresent(n -> names.add(n.fullName()));
        }
        return names;
    }

    @Override
    public boolean mayAck(SecurityContext caller, String objectName) {
        Viewer viewer = Viewers.of(caller);
        TreeSnapshot tree = cache.snapshot();
        TreeNode node = tree.find(objectName).orElse(tree.top());
        return viewers.may(viewer, node, Acl.NTFYACK);
    }
}
