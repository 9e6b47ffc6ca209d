package org.argusee.argusconf.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The stored non-object blocks of imported configs (Method, Resolv, snmpoid, schedule, cron), one at a time. Admin
 * only: a Method holds mail addresses and commands.
 */
@Path("config/blocks")
@RequestScoped
@Tag(name = "config", description = "Argus 3.7 configuration files: check, import, export")
public class BlockResource {

    @Inject
    StoredBlocks blocks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every stored Method, Resolv, snmpoid, schedule and cron block, by the object it is on")
    public List<StoredBlocks.Summary> list() {
        return blocks.list();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One stored block as Argus configuration text, with its version")
    public StoredBlocks.Text read(@PathParam("id") long id) {
        return blocks.read(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Replace one stored block by new text, checked first (errors: nothing stored);"
                    + " If-Match: the version it was edited from (a stale one is refused, 409)")
    public StoredBlocks.Text replace(
            @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String version, String text) {
        return blocks.replace(id, text, version == null ? null : version.replace("\"", ""));
    }
}
