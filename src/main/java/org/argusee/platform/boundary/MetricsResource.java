package org.argusee.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.argusee.platform.control.Metrics;
import org.argusee.platform.control.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Prometheus scrape endpoint; a scraper logs in like any reader (basic_auth in prometheus.yml). */
@Path("metrics")
@RequestScoped
@Tag(name = "server")
public class MetricsResource {

    @Inject
    Metrics metrics;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    @RolesAllowed({Roles.USER, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Metrics in Prometheus text format")
    public String scrape() {
        return metrics.scrape();
    }
}
