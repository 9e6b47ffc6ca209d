package org.argusee.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.argusee.status.control.UserOverride;

/**
 * Sets and removes overrides: stored first (its own transaction, committed when the call returns), then put on
 * the board, so a failed write never leaves an override that exists only in memory.
 */
@ApplicationScoped
public class Overrides {

    private static final Logger LOG = Logger.getLogger(Overrides.class.getName());

    @Inject
    StatusBoard board;

    @Inject
    OverrideRows rows;

    public void set(long objectId, String fullName, UserOverride override) {
        rows.save(objectId, override);
        board.override(objectId, override);
        if (!override.quiet()) {
            LOG.info(() -> "Override of " + fullName + " by " + override.user() + " ("
                    + override.mode().label() + (override.expires() == null ? "" : ", until " + override.expires())
                    + "): " + override.text());
        }
    }

    /** False if the object had no override. */
    public boolean remove(long objectId, String fullName, String user) {
        boolean stored = rows.delete(objectId);
        boolean live = board.override(objectId, null);
        if (stored || live) {
            LOG.info(() -> "Override of " + fullName + " removed by " + user);
        }
        return stored || live;
    }
}
