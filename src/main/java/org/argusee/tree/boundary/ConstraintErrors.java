package org.argusee.tree.boundary;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.argusee.platform.control.ArgusException;

/**
 * Turns a refusal by the database (a constraint or trigger, hit by a change that raced another one or slipped
 * past the checks) into an error the client can act on, naming the object and, by the constraint's name, the field.
 */
final class ConstraintErrors {

    private ConstraintErrors() {}

    static RuntimeException translate(String fullName, PersistenceException e) {
        SQLException sql = sqlCause(e);
        if (sql == null || sql.getSQLState() == null || !sql.getSQLState().startsWith("23")) {
            return e;
        }
        String message = sql.getMessage() == null
                ? ""
                : sql.getMessage().lines().findFirst().orElse("");
        if (message.contains("object_unique_name") || message.contains("param_pkey")) {
            return new ArgusException.Conflict("name", "'" + fullName + "' clashes with an existing object");
        }
        String field = message.contains("param_") ? "parameters" : message.contains("name") ? "name" : "object";
        return new ArgusException.Invalid(
                field,
                "the database refused the change to '" + fullName + "': " + message.replaceFirst("^ERROR: ", ""));
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
