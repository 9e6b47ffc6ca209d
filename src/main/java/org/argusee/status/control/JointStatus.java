package org.argusee.status.control;

import java.util.Objects;

/**
 * A service's status as several servers see it together (a DARP master combining its slaves' reports), to be
 * shown in place of this server's own result. {@code overridden}: the status is down only through servers that
 * report an override, so the service shows {@code override} (severity clear, no notification) although no
 * override is set here; the override lives on the server that reported it.
 */
public record JointStatus(ServiceStatus status, boolean overridden) {

    public JointStatus {
        Objects.requireNonNull(status, "status");
        if (overridden && !status.isDown()) {
            throw new IllegalArgumentException("only a down status can show override");
        }
    }
}
