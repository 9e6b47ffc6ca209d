package org.argusee.platform.control;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, network down, pool empty), as
 * opposed to a bug or bad data: the server then answers 503 and goes on from memory (docs/design/10-platform.md,
 * "Database down") instead of a 500.
 */
public final class DatabaseTrouble {

    /**
     * The connection pool's words when it has no connection to give: IronJacamar's "Unable to get managed
     * connection" and "Could not create connection", Agroal's acquisition timeout.
     */
    private static final Set<String> POOL_CODES = Set.of("IJ000453", "IJ031084", "IJ000655", "IJ031041");

    private DatabaseTrouble() {}

    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: the server is shutting down or cannot connect now
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            String message = t.getMessage();
            if (message != null && POOL_CODES.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }
}
