package org.argusee.status.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.boundary.DatabaseState;
import org.argusee.platform.control.DatabaseTrouble;

/**
 * The status writer's side work (check times, pruning, a standby's reading), whose failure is logged and tried
 * again later. While the database is away each kind of work logs one line a minute at most, without the stack
 * trace: an outage fails them all the same way, and the log must stay readable. Any other failure is logged whole.
 */
final class QuietWork {

    private static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final DatabaseState database;
    private final Map<String, Instant> logged = new HashMap<>();

    QuietWork(DatabaseState database) {
        this.database = database;
    }

    /** Runs {@code work}; whether it succeeded. Called under the writer's lock. */
    boolean run(String what, Runnable work) {
        try {
            work.run();
            logged.remove(what);
            return true;
        } catch (RuntimeException e) {
            if (!DatabaseTrouble.isUnreachable(e) && database.available()) {
                LOG.log(Level.WARNING, "Cannot " + what + "; trying again later", e);
                return false;
            }
            database.away();
            Instant now = Instant.now();
            Instant last = logged.get(what);
            if (last == null || !now.isBefore(last.plus(QUIET))) {
                logged.put(what, now);
                LOG.warning("Cannot " + what + ": the database cannot be reached (" + cause(e)
                        + "); trying again later, logged once a minute meanwhile");
            }
            return false;
        }
    }

    /** The innermost message: the pool's or the driver's words, not the container's wrappers. */
    private static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
