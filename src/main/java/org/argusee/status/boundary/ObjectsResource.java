package org.argusee.status.boundary;

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
    @Operation(summary = "An object with its own and effective parameters, status and children; its version as ETag")
    public Response object(@PathParam("fullName") String fullName) {
        ObjectView view = views.object(find(fullName), null);
        return Response.ok(view).tag(view.version()).build();
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
                .entity(views.object(find(result.fullName()), result.warnings()))
                .build();
    }

    /*
     * The writes below take If-Match (the version of an object answer, or its ETag): a stale one is refused with
     * 412, so the second of two editors never overwrites the first. dryRun=true writes nothing and answers which
     * effective values would change, in the object and everything under it.
     */

    @PUT
    @Path("{fullName}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rename an object, change its type or target, or replace its parameters")
    public Response update(
            @PathParam("fullName") String fullName,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            ObjectChange change) {
        return written(editor.update(fullName, change, ifMatch, dryRun));
    }

    @POST
    @Path("{fullName}/move")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move an object (and everything under it) to another parent")
    public Response move(
            @PathParam("fullName") String fullName,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            MoveRequest request) {
        return written(editor.move(fullName, request, ifMatch, dryRun));
    }

    @DELETE
    @Path("{fullName}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an object; one that holds others only with recursive=true")
    public Response delete(
            @PathParam("fullName") String fullName,
            @QueryParam("recursive") @DefaultValue("false") boolean recursive,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        editor.delete(fullName, recursive, ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("{fullName}/parameters/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set one parameter of an object (local=true for the key!: form)")
    public Response putParameter(
            @PathParam("fullName") String fullName,
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            ParameterValue value) {
        return written(editor.putParameter(fullName, key, value, ifMatch, dryRun));
    }

    @DELETE
    @Path("{fullName}/parameters/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove one of the object's own parameters (local=true/false: only that form)")
    public Response removeParameter(
            @PathParam("fullName") String fullName,
            @PathParam("key") String key,
            @QueryParam("local") Boolean local,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        TreeEditor.Result result = editor.removeParameter(fullName, key, local, ifMatch, dryRun);
        return result.preview() != null
                ? Response.ok(result.preview()).build()
                : Response.noContent().build();
    }

    /** The object as written (with its new version), or for a dry run the preview. */
    private Response written(TreeEditor.Result result) {
        if (result.preview() != null) {
            return Response.ok(result.preview()).build();
        }
        ObjectView view = views.object(find(result.fullName()), result.warnings());
        return Response.ok(view).tag(view.version()).build();
    }

    private TreeNode find(String fullName) {
        return cache.snapshot()
                .find(fullName)
                .orElseThrow(() -> new ArgusException.NotFound("fullName", "no object named '" + fullName + "'"));
    }
}
