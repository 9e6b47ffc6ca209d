package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.argusee.platform.boundary.MasterLease;

/**
 * On the standby of a master pair, since when the statuses it serves are what they are: the moment it last read
 * what the active one stored (every 5 s; {@link StatusWriter}). Empty on an active or lone server, whose statuses
 * are its own and current. Readers say so (the header {@code Argus-Statuses-As-Of}, the dashboard's
 * {@code statusesAsOf}, the pages' banner), so an old reading (the database away, the active one gone) is never
 * taken for the present state.
 */
@ApplicationScoped
public class StandbyReads {

    @Inject
    MasterLease lease;

    private volatile Instant readAt;

    /** The standby's board now holds what the database held at {@code at}. */
    void read(Instant at) {
        readAt = at;
    }

    /** When the standby's statuses were read; empty unless this server is a standby. */
    public Optional<Instant> asOf() {
        if (lease.role().active()) {
            return Optional.empty();
        }
        Instant at = readAt;
        return Optional.of(at == null ? Instant.EPOCH : at);
    }
}
