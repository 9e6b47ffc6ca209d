package org.argusee.status.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.Roles;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tree as a whole, nested. */
@Path("tree")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "objects")
public class TreeResource {

    static final int MAX_DEPTH = 100;

    @Inject
    TreeCache cache;

    @Inject
    ObjectViews views;

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "The tree under root (default Top), nested depth levels deep (default all)")
    public TreeView tree(
            @QueryParam("root") @DefaultValue("Top") String root, @QueryParam("depth") @DefaultValue("100") int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new ArgusException.Invalid("depth", "depth must be between 0 and " + MAX_DEPTH);
        }
        TreeNode node = cache.snapshot()
                .find(root)
                .orElseThrow(() -> new ArgusException.NotFound("root", "no object named '" + root + "'"));
        return views.tree(node, depth);
    }
}
