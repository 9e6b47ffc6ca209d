package org.argusee.argusconf.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
    @Operation(
            summary = "Every stored Method, Resolv, snmpoid, schedule and cron block, by the object it is on, with"
                    + " its version (as a read gives it)")
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

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Add a block (its text says which kind) to an object, ?object=Top by default; checked first"
                    + " (errors: nothing stored)")
    public Response create(@QueryParam("object") @DefaultValue("Top") String object, String text) {
        StoredBlocks.Text created = blocks.create(object, text);
        return Response.created(URI.create("config/blocks/" + created.id()))
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a block (a Method with its schedules); If-Match: the version it was read at (409)")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String version) {
        blocks.delete(id, version == null ? null : version.replace("\"", ""));
        return Response.noContent().build();
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
