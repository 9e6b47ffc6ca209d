package org.argusee.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request the application refuses, with the fields at fault. Subclasses say why, and so which HTTP status
 * the client gets. Rolls back the transaction it is thrown in: nothing is half-applied.
 */
@ApplicationException(rollback = true)
public abstract class ArgusException extends RuntimeException {

    private final List<FieldError> errors;

    protected ArgusException(String message, List<FieldError> errors) {
        super(message);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Input that is malformed or breaks a rule: 400. */
    public static class Invalid extends ArgusException {
        public Invalid(String message, List<FieldError> errors) {
            super(message, errors);
        }

        public Invalid(String field, String message) {
            this(message, List.of(new FieldError(field, message)));
        }

        /** Refuses {@code what} if any field error was collected; the list names them all. */
        public static void ifAny(String what, List<FieldError> errors) {
            if (!errors.isEmpty()) {
                String summary = errors.size() == 1
                        ? errors.get(0).message()
                        : errors.size() + " problems, the first: "
                                + errors.get(0).message();
                throw new Invalid(what + ": " + summary, errors);
            }
        }
    }

    /** Something named does not exist: 404. */
    public static class NotFound extends ArgusException {
        public NotFound(String field, String message) {
            super(message, List.of(new FieldError(field, message)));
        }
    }

    /** The request clashes with what is there (duplicate name, cycle, non-empty group): 409. */
    public static class Conflict extends ArgusException {
        public Conflict(String field, String message) {
            super(message, List.of(new FieldError(field, message)));
        }
    }

    /**
     * The client edited a version of the object that is no longer the current one (another person saved first):
     * 412, so a second save never silently overwrites the first.
     */
    public static class Stale extends ArgusException {
        public Stale(String field, String message) {
            super(message, List.of(new FieldError(field, message)));
        }
    }
}
