package org.argusee.web.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.argusee.platform.control.Roles;
import org.argusee.security.control.WebLogin;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is logged in, for the pages: the user, the roles, and the token to send in {@code X-CSRF-Token} with every
 * change (null for an HTTP Basic caller, which needs none). A page also calls it now and then to keep its session
 * from timing out while it stays open (the live socket alone does not count as activity).
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "The caller's login")
public class SessionResource {

    public record SessionView(String user, List<String> roles, String csrfToken) {}

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "The logged-in user, roles and CSRF token")
    public SessionView session(@Context HttpServletRequest request, @Context SecurityContext security) {
        WebLogin login = request.getHeader("Authorization") == null ? WebLogin.in(request.getSession(false)) : null;
        List<String> roles =
                Roles.ALL.stream().filter(security::isUserInRole).sorted().toList();
        return new SessionView(security.getUserPrincipal().getName(), roles, login == null ? null : login.csrfToken());
    }
}
