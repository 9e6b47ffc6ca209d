package org.argusee.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.argusee.platform.control.MasterRole;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which role this server plays in an active/standby pair (issue 16): {@code role} active or standby,
 * {@code epoch}, the writes refused by fencing, and who holds the lease ({@code active}, {@code activeUrl}). Always UP: a standby is ready to serve reads, and a load
 * balancer that wants only the active one reads {@code role}.
 */
@Readiness
@ApplicationScoped
public class MasterReadiness implements HealthCheck {

    @Inject
    MasterLease lease;

    @Override
    public HealthCheckResponse call() {
        MasterRole role = lease.role();
        return HealthCheckResponse.named("master")
                .up()
                .withData("role", role.label())
                .withData("paired", lease.paired())
                .withData("epoch", role.epoch())
                .withData("refusedWrites", lease.refusedWrites())
                .withData("leaseConfirmed", lease.confirmed())
                .withData("active", lease.activeMember().holder())
                .withData("activeUrl", lease.activeMember().url())
                .build();
    }
}
