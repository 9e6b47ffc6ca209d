package org.argusee.notify.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.argusee.notify.control.ObjectFilter;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The notification history: list (newest first, by state and object), one with the state of each destination,
 * and acknowledgement of one, several or all. Reading needs any role; acknowledging staff or admin. The tree's ACLs
 * apply as on the status API (through {@link NotificationAccess}): a caller sees only the notifications of objects
 * they may see (another's answers 404, as one that does not exist), and acknowledges only where the object's
 * {@code acl_ntfyack} lets them (403); several or all acknowledge those of them the caller may.
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

    @Inject
    NotificationAccess access;

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Notifications, newest first; state=active for the unacknowledged, object=<part of a full"
                    + " name, any case>, exact=true for that full name only")
    public NotificationView.Page list(
            @QueryParam("state") String state,
            @QueryParam("object") String object,
            @QueryParam("exact") @DefaultValue("false") boolean exact,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        if (state != null && !STATES.contains(state)) {
            throw new ArgusException.Invalid("state", "state '" + state + "': use active or acked");
        }
        if (offset < 0) {
            throw new ArgusException.Invalid("offset", "offset " + offset + ": must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ArgusException.Invalid("limit", "limit " + limit + ": must be 1 to " + MAX_LIMIT);
        }
        ObjectFilter filter;
        try {
            filter = ObjectFilter.of(object, exact);
        } catch (IllegalArgumentException e) {
            throw new ArgusException.Invalid("object", e.getMessage());
        }
        return store.list(state, filter, access.hidden(security), offset, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "One notification with the state of each destination and round")
    public NotificationView one(@PathParam("id") long id, @Context SecurityContext security) {
        return visible(id, security);
    }

    @POST
    @Path("{id}/ack")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Acknowledge one notification: no more renotifies or escalation")
    public NotificationView ack(@PathParam("id") long id, @Context SecurityContext security) {
        NotificationView n = visible(id, security);
        if (!access.mayAck(security, n.object())) {
            throw new ForbiddenException("the ACL of " + n.object() + " does not let "
                    + security.getUserPrincipal().getName() + " acknowledge its notifications (acl_ntfyack)");
        }
        store.ack(security.getUserPrincipal().getName(), List.of(id));
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
        Set<Long> mine = store.active(ids, all, access.hidden(security)).entrySet().stream()
                .filter(e -> access.mayAck(security, e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new NotificationView.Acked(
                mine.isEmpty() ? 0 : store.ack(security.getUserPrincipal().getName(), mine));
    }

    /** The notification, if it exists and the caller may see its object. */
    private NotificationView visible(long id, SecurityContext security) {
        return store.find(id)
                .filter(n -> !access.hidden(security).contains(n.object()))
                .orElseThrow(() -> notFound(id));
    }

    private static ArgusException.NotFound notFound(long id) {
        return new ArgusException.NotFound("id", "notification " + id + " does not exist");
    }
}
