package org.argusee.status.control;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check did to an object: its new state, the transition if there was one, and when to check again
 * if not at the next regular time (while retrying with {@code retrydelay} set).
 */
public record StatusStep(ServiceStatus next, Optional<Transition> transition, Optional<Duration> retryIn) {

    public StatusStep {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(retryIn, "retryIn");
    }
}
