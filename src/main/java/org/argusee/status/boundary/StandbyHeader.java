package org.argusee.status.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Optional;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.boundary.StandbyRefusal;

/**
 * Marks every API answer of a pair's standby (issue 16): {@value #ROLE}: standby, {@value #AS_OF}: when it last read
 * the statuses the active one stored (ISO-8601), and {@code Argus-Active}: the active one's URL, so a client (the
 * pages' banner, a script) knows the statuses are a copy and how old it is. Nothing is added on an active server.
 */
@Provider
public class StandbyHeader implements ContainerResponseFilter {

    public static final String ROLE = "Argus-Role";
    public static final String AS_OF = "Argus-Statuses-As-Of";

    @Inject
    StandbyReads reads;

    @Inject
    MasterLease lease;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Instant> asOf = reads.asOf();
        if (asOf.isEmpty()) {
            return;
        }
        response.getHeaders().putSingle(ROLE, "standby");
        response.getHeaders().putSingle(AS_OF, asOf.get().toString());
        response.getHeaders()
                .putSingle(StandbyRefusal.ACTIVE, lease.activeMember().url());
    }
}
