package org.argusee.web.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import org.argusee.platform.boundary.ProblemDetail;
import org.argusee.status.boundary.AvailabilityView;
import org.argusee.status.boundary.PartialHistories;
import org.argusee.status.boundary.TransitionPage;
import org.argusee.tree.boundary.TreeCache;
import org.argusee.tree.control.TreeNode;
import org.argusee.web.control.Acl;
import org.argusee.web.control.Viewer;
import org.argusee.web.control.Visibility;

/**
 * The ACLs on the REST API's object calls ({@code /api/status/{fullName}...}, {@code /api/objects/{fullName}...},
 * {@code /api/darp/objects/{fullName}}): an object the caller may not see answers as one that does not exist
 * (404), an action the object's ACL does not grant them is 403; lists in answers lose what the caller may not
 * see, and secret parameter values are masked for non-admins ({@link ResponseScrubber}). Admins pass untouched.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class ObjectAccess implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    TreeCache cache;

    @Inject
    Viewers viewers;

    @Inject
    DashboardRows rows;

    @Inject
    PartialHistories partial;

    @Override
    public void filter(ContainerRequestContext request) {
        Viewer viewer = viewer(request);
        String fullName = request.getUriInfo().getPathParameters().getFirst("fullName");
        if (viewer == null || viewer.admin() || fullName == null) {
            return;
        }
        List<String> path = request.getUriInfo().getPathSegments().stream()
                .map(s -> s.getPath())
                .toList();
        if (path.isEmpty() || !List.of("status", "objects", "darp").contains(path.get(0))) {
            return;
        }
        TreeNode node = cache.snapshot().find(fullName).orElse(null);
        if (node == null) {
            return; // the resource answers 404 itself
        }
        if (!viewers.visibility(viewer).sees(node)) {
            request.abortWith(ProblemDetail.response(
                    Response.Status.NOT_FOUND, "not-found", "no object named '" + fullName + "'", null));
            return;
        }
        String function = action(request.getMethod(), path);
        if (function != null && !viewers.may(viewer, node, function)) {
            request.abortWith(ProblemDetail.response(
                    Response.Status.FORBIDDEN,
                    "acl",
                    "the ACL of " + node.fullName() + " does not let " + viewer.user() + " do this (acl_" + function
                            + ")",
                    null));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Viewer viewer = viewer(request);
        if (viewer == null || viewer.admin() || response.getEntity() == null) {
            return;
        }
        Visibility visible = viewers.visibility(viewer);
        Object entity = response.getEntity();
        if (entity instanceof TransitionPage || entity instanceof AvailabilityView) {
            entity = history(entity, request, visible);
        }
        response.setEntity(
                ResponseScrubber.scrub(entity, cache.snapshot(), rows.seen(visible)),
                response.getEntityAnnotations(),
                response.getMediaType());
    }

    /**
     * A group's own transition log and availability count the outages of everything under it: a viewer who may not
     * see part of it gets them rebuilt from the parts they see (no trace of the hidden part), as they get its status
     * from what they see; {@code withheld} marks the answer as partial.
     */
    private Object history(Object entity, ContainerRequestContext request, Visibility visible) {
        String fullName = request.getUriInfo().getPathParameters().getFirst("fullName");
        TreeNode node =
                fullName == null ? null : cache.snapshot().find(fullName).orElse(null);
        if (node == null || !visible.hidesUnder(node)) {
            return entity;
        }
        List<TreeNode> sources = new ArrayList<>();
        sources(node, visible, sources);
        return entity instanceof TransitionPage t
                ? partial.transitions(node, sources, t)
                : partial.availability(node, sources, (AvailabilityView) entity);
    }

    /** The visible objects under {@code node} that hide nothing themselves, as high up as they are. */
    private static void sources(TreeNode node, Visibility visible, List<TreeNode> into) {
        for (TreeNode child : node.children()) {
            if (into.size() > PartialHistories.MAX_SOURCES || !visible.sees(child)) {
                continue;
            }
            if (visible.hidesUnder(child)) {
                sources(child, visible, into);
            } else {
                into.add(child);
            }
        }
    }

    /** The ACL function a change under /api/status/{fullName}/... needs; null for reads. */
    static String action(String method, List<String> path) {
        if (method.equals("GET") || method.equals("HEAD") || !path.get(0).equals("status") || path.size() < 3) {
            return null;
        }
        return switch (path.get(2)) {
            case "override" -> Acl.OVERRIDE;
            case "annotations" -> Acl.ANNOTATE;
            case "check" -> Acl.CHECKNOW;
            default -> null;
        };
    }

    private static Viewer viewer(ContainerRequestContext request) {
        var security = request.getSecurityContext();
        return security == null || security.getUserPrincipal() == null ? null : Viewers.of(security);
    }
}
