package org.argusee.tree.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.argusee.platform.control.Roles;
import org.argusee.tree.control.ParameterCatalogView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service types and parameters the server knows, for the tree editor's type picker and parameter editor.
 * The catalog is part of the application, so it is built once and may be cached by the browser for the session.
 */
@Path("catalog")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "Service types and parameters")
public class CatalogResource {

    @Inject
    TreeCache cache;

    private volatile ParameterCatalogView view;

    @GET
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Service types (with what may follow and the parameters each takes) and every parameter")
    public Response catalog() {
        ParameterCatalogView v = view;
        if (v == null) {
            v = ParameterCatalogView.of(cache.catalog());
            view = v;
        }
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setMaxAge(3600);
        return Response.ok(v).cacheControl(cc).build();
    }
}
