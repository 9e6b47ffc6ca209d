package org.argusee.tree.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the configuration poll keeps running, whatever its outcome: a database outage makes the server
 * unready, not dead, but a poll thread that stalled is worth a restart.
 */
@Liveness
@ApplicationScoped
public class TreePollLiveness implements HealthCheck {

    static final Duration STALE = Duration.ofMinutes(2);

    @Inject
    TreeCache cache;

    @Override
    public HealthCheckResponse call() {
        Instant last = cache.lastPoll();
        boolean alive = Duration.between(last, Instant.now()).compareTo(STALE) < 0;
        return HealthCheckResponse.named("configuration-poll")
                .status(alive)
                .withData("lastPoll", last.toString())
                .build();
    }
}
