package org.argusee.status.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.argusee.platform.boundary.ActiveOnly;
import org.argusee.platform.control.ArgusException;
import org.argusee.platform.control.Roles;
import org.argusee.status.control.ProbeNow;
import org.argusee.status.control.UserOverride;
import org.argusee.status.control.evaluation.ForecastSettings;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.BooleanValue;
import org.argusee.tree.control.TreeNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Status of the monitoring tree by full name, e.g. {@code /api/status/Top:Servers:mail}: what each object shows
 * and why, its overrides, annotations, transition log, availability and result samples, and "check now". Reading
 * needs any role; overrides, annotations and "check now" need staff or admin (the original's acl_staff). A name
 * containing '/' is sent with it encoded as %2F.
 */
@Path("status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "status", description = "Status, overrides, annotations and history of the tree's objects")
public class StatusResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    TreeCache cache;

    @Inject
    StatusViews views;

    @Inject
    StatusHistory history;

    @Inject
    HistoryViews historyViews;

    @Inject
    Overrides overrides;

    @Inject
    Annotations annotations;

    @Inject
    ProbeNow probeNow;

    @Inject
    StatusBoard board;

    @Inject
    ForecastKeeper forecastKeeper;

    @Inject
    Instance<ListingScope> scopes;

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Every object that shows something other than up, or is overridden, in tree order")
    public List<ChildStatus> problems(
            @QueryParam("limit") @DefaultValue("1000") int limit, @Context SecurityContext security) {
        return views.problems(limit(limit), scopes.isResolvable() ? scopes.get().of(security) : null);
    }

    @GET
    @Path("{fullName}")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "An object's status: own and shown status, severity, reason, last result, override, depends")
    public StatusDetail status(@PathParam("fullName") String fullName) {
        return views.detail(find(fullName), false);
    }

    @GET
    @Path("{fullName}/children")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "The statuses of an object's children, in order")
    public List<ChildStatus> children(@PathParam("fullName") String fullName) {
        return views.children(find(fullName));
    }

    @GET
    @Path("{fullName}/transitions")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "The object's transition log, newest first (the last 200 are kept)")
    public TransitionPage transitions(
            @PathParam("fullName") String fullName,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return history.transitions(find(fullName).id(), offset(offset), limit(limit));
    }

    @GET
    @Path("{fullName}/availability")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Time up and down, in percent, and times down, per day, month or year (UTC)")
    public AvailabilityView availability(
            @PathParam("fullName") String fullName,
            @QueryParam("per") @DefaultValue("day") String per,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return historyViews.availability(find(fullName), per, from, to);
    }

    @GET
    @Path("{fullName}/samples")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Result and elapsed-time samples of a service with graph: yes (raw per minute, hour, day)")
    public SamplesView samples(
            @PathParam("fullName") String fullName,
            @QueryParam("resolution") @DefaultValue("raw") String resolution,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return historyViews.samples(find(fullName), resolution, from, to);
    }

    @PUT
    @ActiveOnly
    @Path("{fullName}/override")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Override the object: while it is down it shows override and sends no notifications")
    public StatusDetail setOverride(
            @PathParam("fullName") String fullName, OverrideInput input, @Context SecurityContext security) {
        TreeNode node = find(fullName);
        if (input == null) {
            throw new ArgusException.Invalid("body", "an override needs a body: {\"text\": \"why\", ...}");
        }
        String overridable = node.param("overridable").orElse("yes");
        if (BooleanValue.isValid(overridable) && !BooleanValue.parse(overridable)) {
            throw new ArgusException.Conflict(
                    "fullName", node.fullName() + " cannot be overridden (overridable: " + overridable + ")");
        }
        UserOverride override = input.toOverride(security.getUserPrincipal().getName(), Instant.now());
        overrides.set(node.id(), node.fullName(), override);
        return views.detail(node, true);
    }

    @DELETE
    @ActiveOnly
    @Path("{fullName}/override")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Remove the object's override")
    public Response removeOverride(@PathParam("fullName") String fullName, @Context SecurityContext security) {
        TreeNode node = find(fullName);
        if (!overrides.remove(
                node.id(), node.fullName(), security.getUserPrincipal().getName())) {
            throw new ArgusException.NotFound("fullName", node.fullName() + " has no override");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{fullName}/annotations")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Notes left on the object, newest first")
    public List<AnnotationView> annotations(
            @PathParam("fullName") String fullName,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return annotations.list(find(fullName).id(), offset(offset), limit(limit));
    }

    @POST
    @Path("{fullName}/annotations")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Leave a note on the object")
    public Response annotate(
            @PathParam("fullName") String fullName, AnnotationInput input, @Context SecurityContext security) {
        TreeNode node = find(fullName);
        String text = input == null ? null : input.text();
        if (text == null || text.isBlank()) {
            throw new ArgusException.Invalid("text", "text is required");
        }
        if (text.length() > OverrideInput.MAX_TEXT) {
            throw new ArgusException.Invalid("text", "text is longer than " + OverrideInput.MAX_TEXT + " characters");
        }
        AnnotationView added =
                annotations.add(node.id(), security.getUserPrincipal().getName(), text.strip());
        return Response.created(UriBuilder.fromResource(StatusResource.class)
                        .path("{name}/annotations/{id}")
                        .build(node.fullName(), added.id()))
                .entity(added)
                .build();
    }

    @DELETE
    @Path("{fullName}/annotations/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Delete a note")
    public Response deleteAnnotation(@PathParam("fullName") String fullName, @PathParam("id") String id) {
        TreeNode node = find(fullName);
        long annotation;
        try {
            annotation = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ArgusException.NotFound("id", "no annotation '" + id + "' on " + node.fullName());
        }
        if (!annotations.delete(node.id(), annotation)) {
            throw new ArgusException.NotFound("id", "no annotation " + annotation + " on " + node.fullName());
        }
        return Response.noContent().build();
    }

    @POST
    @ActiveOnly
    @Path("{fullName}/check")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Probe now, out of schedule: the service, or every service under the group")
    public CheckNowView checkNow(@PathParam("fullName") String fullName) {
        TreeNode node = find(fullName);
        List<Long> services = historyViews.servicesUnder(node);
        return new CheckNowView(node.fullName(), services.size(), probeNow.checkNow(services));
    }

    @GET
    @Path("{fullName}/forecast")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "The Holt-Winters forecast of a service with maxdeviation (404 when it has none; started false"
                    + " until its forecaster is made at its first result), with the graph's band from 'from' (default"
                    + " 36 hours ago) to the window after now")
    public ForecastView forecast(@PathParam("fullName") String fullName, @QueryParam("from") String from) {
        TreeNode node = find(fullName);
        Instant now = Instant.now();
        Instant start =
                from == null || from.isBlank() ? now.minus(Duration.ofHours(36)) : HistoryViews.instant("from", from);
        if (start.isAfter(now) || start.isBefore(now.minus(Duration.ofDays(400)))) {
            throw new ArgusException.Invalid("from", "from must be within the last 400 days, not '" + from + "'");
        }
        ForecastSettings settings = ForecastView.settings(node)
                .orElseThrow(() -> new ArgusException.NotFound(
                        "fullName", "no forecast for " + node.fullName() + ": it has no maxdeviation above 0"));
        ForecastView.Graph graph = ForecastView.Graph.of(node::param);
        Instant end = now.plusSeconds(300); // the window after now: the band reaches the newest sample
        return board.forecasts(f -> ForecastView.of(f.peek(node.id()), settings, graph, start, end));
    }

    @POST
    @ActiveOnly
    @Path("{fullName}/hwab-reset")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start the Holt-Winters forecaster over (the original's hwab_reset)")
    public Response resetForecast(@PathParam("fullName") String fullName) {
        TreeNode node = find(fullName);
        if (!forecastKeeper.reset(node.id())
                && ForecastView.settings(node).isEmpty()) { // not started yet: nothing to do
            throw new ArgusException.Conflict(
                    "fullName", "HWAB not enabled: " + node.fullName() + " has no maxdeviation");
        }
        return Response.noContent().build();
    }

    private TreeNode find(String fullName) {
        return cache.snapshot()
                .find(fullName)
                .orElseThrow(() -> new ArgusException.NotFound("fullName", "no object named '" + fullName + "'"));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ArgusException.Invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static int offset(int offset) {
        if (offset < 0) {
            throw new ArgusException.Invalid("offset", "offset must not be negative");
        }
        return offset;
    }
}
