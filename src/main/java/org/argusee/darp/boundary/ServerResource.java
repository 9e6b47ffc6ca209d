package org.argusee.darp.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.argusee.darp.control.DarpSettings;
import org.argusee.platform.control.Roles;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeSnapshot;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What this server is: its DARP tag and role, and the state of its configuration. */
@Path("server")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "server")
public class ServerResource {

    @Inject
    DarpSettings darp;

    @Inject
    DarpPeers peers;

    @Inject
    TreeCache cache;

    public record ServerView(
            String product,
            String darpTag,
            String darpRole,
            String masterUrl,
            long configRevision,
            int objects,
            int configProblems) {}

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "This server's DARP tag and role, configuration revision and size")
    public ServerView server() {
        TreeSnapshot tree = cache.snapshot();
        boolean master = peers.all().stream().anyMatch(p -> "slave".equals(p.role()));
        String role = master && darp.hasMaster()
                ? "master+slave"
                : master ? "master" : darp.hasMaster() ? "slave" : "standalone";
        return new ServerView(
                "Argus for Jakarta EE",
                darp.tag(),
                role,
                darp.masterUrl().map(Object::toString).orElse(null),
                tree.revision(),
                tree.size(),
                tree.problems().size());
    }
}
