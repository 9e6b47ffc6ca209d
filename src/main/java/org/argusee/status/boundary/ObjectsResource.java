package org.argusee.status.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.Roles;
import org.argusee.status.boundary.ObjectView.ChildView;
import org.argusee.tree.boundary.MoveRequest;
import org.argusee.tree.boundary.NewObject;
import org.argusee.tree.boundary.ObjectChange;
import org.argusee.tree.boundary.ParameterValue;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.boundary.TreeEditor;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The monitoring tree by full name, e.g. {@code /api/objects/Top:Servers:mail}. A name containing '/' is sent
 * with it encoded as %2F.
 */
@Path("objects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "objects", description = "Groups, hosts, services and aliases of the monitoring tree")
public class ObjectsResource {

    @Inject
    TreeCache cache;

    @Inject
    TreeEditor editor;

    @Inject
    ObjectViews views;

    @GET
    @Path("{fullName}")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "An object with its own and effective parameters, status and children")
    public ObjectView object(@PathParam("fullName") String fullName) {
        return views.object(find(fullName), null);
    }

    @GET
    @Path("{fullName}/children")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "The children of an object, in order")
    public List<ChildView> children(@PathParam("fullName") String fullName) {
        return views.children(find(fullName));
    }

    @POST
    @Path("{fullName}/children")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a Group, Host, Service or Alias under this object")
    public Response create(@PathParam("fullName") String parent, NewObject spec) {
        TreeEditor.Result result = editor.create(parent, spec);
        return Response.created(UriBuilder.fromResource(ObjectsResource.class)
                        .path("{name}")
                        .build(result.fullName()))
                .entity(written(result))
                .build();
    }

    @PUT
    @Path("{fullName}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rename an object, change its type or target, or replace its parameters")
    public ObjectView update(@PathParam("fullName") String fullName, ObjectChange change) {
        return written(editor.update(fullName, change));
    }

    @POST
    @Path("{fullName}/move")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move an object (and everything under it) to another parent")
    public ObjectView move(@PathParam("fullName") String fullName, MoveRequest request) {
        return written(editor.move(fullName, request));
    }

    @DELETE
    @Path("{fullName}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an object; one that holds others only with recursive=true")
    public Response delete(
            @PathParam("fullName") String fullName, @QueryParam("recursive") @DefaultValue("false") boolean recursive) {
        editor.delete(fullName, recursive);
        return Response.noContent().build();
    }

    @PUT
    @Path("{fullName}/parameters/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set one parameter of an object (local=true for the key!: form)")
    public ObjectView putParameter(
            @PathParam("fullName") String fullName, @PathParam("key") String key, ParameterValue value) {
        return written(editor.putParameter(fullName, key, value));
    }

    @DELETE
    @Path("{fullName}/parameters/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove one of the object's own parameters (local=true/false: only that form)")
    public Response removeParameter(
            @PathParam("fullName") String fullName, @PathParam("key") String key, @QueryParam("local") Boolean local) {
        editor.removeParameter(fullName, key, local);
        return Response.noContent().build();
    }

    private ObjectView written(TreeEditor.Result result) {
        return views.object(find(result.fullName()), result.warnings());
    }

    private TreeNode find(String fullName) {
        return cache.snapshot()
                .find(fullName)
                .orElseThrow(() -> new ArgusException.NotFound("fullName", "no object named '" + fullName + "'"));
    }
}
