package org.argusee.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.argusee.platform.control.ActiveMember;

/**
 * The standby of a master pair refuses the calls marked {@link ActiveOnly} (issue 16): its prober runs nothing,
 * so a check it made, or an override it set in its memory, would have no effect on what the active one probes and
 * shows. 503 problem+json {@code urn:argus:problem:standby} whose detail names the active server and its URL, with
 * that URL also in the header {@value #ACTIVE} (empty when the active one gave none) and {@code Retry-After: 5}
 * (a takeover may be under way). Not forwarded: the caller decides whether to send it there.
 */
@Provider
@ActiveOnly
public class StandbyRefusal implements ContainerRequestFilter {

    public static final String ACTIVE = "Argus-Active";

    @Inject
    MasterLease lease;

    @Override
    public void filter(ContainerRequestContext request) {
        if (lease.role().active()) {
            return;
        }
        ActiveMember active = lease.activeMember();
        String where = active.current()
                ? "send it to the active one: " + active.describe()
                : "no server of the pair holds the lease right now (last: " + active.describe()
                        + "); try again in a few seconds";
        request.abortWith(Response.fromResponse(ProblemDetail.response(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "standby",
                        "This server (" + lease.holder() + ") is the standby of a master pair and probes nothing,"
                                + " so it cannot carry this out; nothing was changed. To act on the probes, "
                                + where + ".",
                        null))
                .header("Retry-After", "5")
                .header(ACTIVE, active.url())
                .build());
    }
}
