package org.argusee.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.argusee.platform.control.Roles;
import org.argusee.security.control.SessionLogins;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Who may log in, and with which role")
public class UsersResource {

    @Inject
    Users users;

    @Inject
    SessionLogins sessionLogins;

    public record Me(String username, Set<String> roles) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "All users")
    public List<UserView> all() {
        return users.all();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "The logged-in user and their roles")
    public Me me(@Context SecurityContext security) {
        Set<String> roles = new TreeSet<>();
        Roles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
        return new Me(security.getUserPrincipal().getName(), roles);
    }

    @PUT
    @Path("me/password")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Change your own password (the current one is required)")
    public Response changeOwnPassword(
            @Context SecurityContext security, @Context HttpServletRequest request, PasswordChange change) {
        String me = security.getUserPrincipal().getName();
        users.changeOwnPassword(me, change, request.getRemoteAddr());
        sessionLogins.renew(request.getSession(false), me);
        return Response.noContent().build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a user")
    public Response create(UserInput input) {
        UserView created = users.create(input);
        return Response.created(UriBuilder.fromResource(UsersResource.class)
                        .path(created.username())
                        .build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a user's password, roles, name or enabled flag")
    public UserView update(
            @PathParam("username") String username, UserInput input, @Context HttpServletRequest request) {
        UserView updated = users.update(username, input);
        if (input != null && input.password() != null) {
            sessionLogins.renew(request.getSession(false), username); // only if it is the caller's own
        }
        return updated;
    }

    @DELETE
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a user")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }
}
