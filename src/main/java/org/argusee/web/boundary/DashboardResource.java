package org.argusee.web.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.argusee.platform.boundary.DatabaseState;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.Roles;
import org.argusee.status.boundary.StandbyReads;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.web.control.DashboardRow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's data (docs/design/80-web.md): what is wrong first, and the tree a level at a time or filtered on
 * the server, from memory, limited to what the caller may see. Each answer carries the live change number it
 * was read at ({@code seq}).
 */
@Path("dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "Summary and tree for the dashboard page")
public class DashboardResource {

    /**
     * {@code database}: "available", or "unavailable" while the database cannot be reached (the statuses are then
     * read from memory and not stored yet; the pages show a banner), with {@code databaseUnavailableSince}. On the
     * standby of a master pair {@code role} is "standby" and {@code statusesAsOf} says when it last read the
     * statuses the active one stored, {@code activeUrl} where that one is (issue 16); else "active", null, null.
     */
    public record Summary(
            Map<String, Integer> counts,
            List<DashboardRow> problems,
            int problemsTotal,
            long seq,
            String database,
            Instant databaseUnavailableSince,
            String role,
            Instant statusesAsOf,
            String activeUrl) {

        Summary(Map<String, Integer> counts, List<DashboardRow> problems, int problemsTotal, long seq) {
            this(counts, problems, problemsTotal, seq, "available", null, "active", null, null);
        }

        Summary with(DatabaseState state, StandbyReads standby, MasterLease lease) {
            Instant since = state.unavailableSince().orElse(null);
            Instant asOf = standby.asOf().orElse(null);
            return new Summary(
                    counts,
                    problems,
                    problemsTotal,
                    seq,
                    since == null ? "available" : "unavailable",
                    since,
                    asOf == null ? "active" : "standby",
                    asOf,
                    asOf == null ? null : lease.activeMember().url());
        }
    }

    public record Children(String parent, List<DashboardRow> children, boolean truncated, long seq) {}

    @Inject
    Dashboard dashboard;

    @Inject
    TreeCache cache;

    @Inject
    ChangeSequence sequence;

    @Inject
    DatabaseState database;

    @Inject
    StandbyReads standby;

    @Inject
    MasterLease lease;

    @Context
    SecurityContext security;

    @GET
    @Path("summary")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Counts under Top and the objects not up, worst first (at most limit)")
    public Summary summary(@QueryParam("limit") @DefaultValue("200") int limit) {
        long seq = sequence.current();
        TreeSnapshot tree = cache.snapshot();
        return dashboard
                .summary(tree, Viewers.of(security), Dashboard.bounded("limit", limit, 1000), seq)
                .with(database, standby, lease);
    }

    @GET
    @Path("children")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "An object's children; with q or status, the matches anywhere under it (at most 500)")
    public Children children(
            @QueryParam("parent") @DefaultValue("Top") String parent,
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        long seq = sequence.current();
        TreeSnapshot tree = cache.snapshot();
        return dashboard.children(
                tree, Viewers.of(security), parent, q, status, Dashboard.bounded("limit", limit, 5000), seq);
    }
}
