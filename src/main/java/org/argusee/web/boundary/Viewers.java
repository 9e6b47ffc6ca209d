package org.argusee.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.argusee.platform.control.Roles;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.Acl;
import org.argusee.web.control.Viewer;
import org.argusee.web.control.Visibility;

/**
 * What each viewer may see and do on the current tree. Visibility is worked out once per tree revision and
 * viewer (a walk of the tree) and kept until the tree changes; rights to act are looked up per object (a walk up
 * its ancestors).
 */
@ApplicationScoped
public class Viewers {

    @Inject
    TreeCache cache;

    private volatile long revision = -1;
    private final Map<Viewer, Visibility> visible = new ConcurrentHashMap<>();

    public static Viewer of(SecurityContext security) {
        Set<String> roles = Roles.ALL.stream().filter(security::isUserInRole).collect(Collectors.toSet());
        return new Viewer(security.getUserPrincipal().getName(), roles);
    }

    public Visibility visibility(Viewer viewer) {
        return visibility(cache.snapshot(), viewer);
    }

    public Visibility visibility(TreeSnapshot tree, Viewer viewer) {
        if (viewer.admin()) {
            return Visibility.ALL;
        }
        if (tree.revision() != revision) {
            synchronized (this) {
                if (tree.revision() != revision) {
                    visible.clear();
                    revision = tree.revision();
                }
            }
        }
        return visible.computeIfAbsent(viewer, v -> Visibility.of(tree, v));
    }

    /** Whether the viewer may do this ({@link Acl#OVERRIDE}, ...) on the object; admins may always. */
    public boolean may(Viewer viewer, TreeNode node, String function) {
        if (viewer.admin()) {
            return true;
        }
        TreeSnapshot tree = cache.snapshot();
        return visibility(tree, viewer).sees(node) && Acl.admits(Acl.of(tree, node, function), viewer.groups());
    }
}
