package org.argusee.darp.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.argusee.platform.boundary.DatabaseState;
import org.argusee.platform.control.DatabaseTrouble;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** DARP state for people: each peer's link (the original's darp_status) and every server's view of an object. */
@Path("darp")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "darp")
public class DarpViewsResource {

    @Inject
    DarpViews views;

    @Inject
    DatabaseState database;

    @GET
    @Path("connections")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Each DARP peer's link: connected, down (and why) or never, since when, from where")
    public List<ConnectionView> connections() {
        // the links live in memory: while PostgreSQL is away they are shown from there, not refused with a 503
        // (an operator wants to know then whether the slaves are still linked: bench/chaos.sh databasesKilled)
        if (!database.available()) {
            return views.connectionsFromMemory();
        }
        try {
            return views.connections();
        } catch (RuntimeException e) {
            if (!DatabaseTrouble.isUnreachable(e)) {
                throw e;
            }
            database.failed(e);
            return views.connectionsFromMemory();
        }
    }

    @GET
    @Path("objects/{fullName}")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Every server's view of one object: status, severity, reason, override, last report")
    public ServerStatusView object(@PathParam("fullName") String fullName) {
        return views.object(fullName);
    }
}
