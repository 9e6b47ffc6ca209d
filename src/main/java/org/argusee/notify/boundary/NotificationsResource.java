package org.argusee.notify.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The notification history: list (newest first, by state and object), one with the state of each destination,
 * and acknowledgement of one, several or all. Reading needs any role; acknowledging staff or admin.
 */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "Who was told what, and acknowledgements")
public class NotificationsResource {

    static final int MAX_LIMIT = 1000;
    private static final Set<String> STATES = Set.of("active", "acked");

    @Inject
    NotificationStore store;

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Notifications, newest first; state=active for the unacknowledged, object=<full name>")
    public NotificationView.Page list(
            @QueryParam("state") String state,
            @QueryParam("object") String object,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (state != null && !STATES.contains(state)) {
            throw new ArgusException.Invalid("state", "state '" + state + "': use active or acked");
        }
        if (offset < 0) {
            throw new ArgusException.Invalid("offset", "offset " + offset + ": must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ArgusException.Invalid("limit", "limit " + limit + ": must be 1 to " + MAX_LIMIT);
        }
        return store.list(state, object, offset, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "One notification with the state of each destination and round")
    public NotificationView one(@PathParam("id") long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/ack")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Acknowledge one notification: no more renotifies or escalation")
    public NotificationView ack(@PathParam("id") long id, @Context SecurityContext security) {
        store.find(id).orElseThrow(() -> notFound(id));
        store.ack(security.getUserPrincipal().getName(), List.of(id), false);
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("ack")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Acknowledge several ({\"ids\": [1, 2]}) or all active ({\"all\": true}) notifications")
    public NotificationView.Acked ackMany(NotificationView.AckRequest request, @Context SecurityContext security) {
        if (request == null || (request.ids() == null && !Boolean.TRUE.equals(request.all()))) {
            throw new ArgusException.Invalid("body", "say which: {\"ids\": [1, 2]} or {\"all\": true}");
        }
        boolean all = Boolean.TRUE.equals(request.all());
        List<Long> ids = request.ids() == null ? List.of() : request.ids();
        if (ids.stream().anyMatch(i -> i == null)) {
            throw new ArgusException.Invalid("ids", "ids: a list of notification numbers, without null");
        }
        return new NotificationView.Acked(store.ack(security.getUserPrincipal().getName(), ids, all));
    }

    private static ArgusException.NotFound notFound(long id) {
        return new ArgusException.NotFound("id", "notification " + id + " does not exist");
    }
}
