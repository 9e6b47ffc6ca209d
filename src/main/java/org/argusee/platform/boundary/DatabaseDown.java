package org.argusee.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.argusee.platform.control.DatabaseTrouble;

/**
 * The API's answer when a call failed because the database cannot be reached: 503 with Retry-After, as problem
 * details that say nothing was changed. Logged as one line, not a stack trace per request: during an outage every
 * write fails the same way, and the log must stay readable.
 */
final class DatabaseDown {

    private static final Logger LOG = Logger.getLogger(DatabaseDown.class.getName());
    static final String DETAIL = "The database cannot be reached, so nothing was changed. The current state is still"
            + " readable; try again when the database is back.";
    static final String READ_DETAIL = "The database cannot be reached, and this answer is read from it (history,"
            + " settings, users). The current statuses are still readable; try again when the database is back.";

    private DatabaseDown() {}

    /**
     * The 503 answer if the failure is the database's absence, else null. {@code method} picks the words: a read
     * (GET, HEAD) changed nothing to begin with. The state is told first, so the answer carries the marker.
     */
    static Response answer(Throwable failure, String method, DatabaseState state) {
        if (!DatabaseTrouble.isUnreachable(failure)) {
            return null;
        }
        state.away();
        LOG.warning(() -> "A request failed: the database cannot be reached ("
                + failure.getClass().getSimpleName() + ")");
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return Response.fromResponse(ProblemDetail.response(
                        Response.Status.SERVICE_UNAVAILABLE, "database-unavailable", read ? READ_DETAIL : DETAIL, null))
                .header("Retry-After", "30")
                .build();
    }
}
