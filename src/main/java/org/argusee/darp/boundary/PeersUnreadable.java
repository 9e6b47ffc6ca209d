package org.argusee.darp.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The peers could not be read ({@link DarpPeers#allNow}), most often because the pool had no connection to give
 * (the database away, or its connections held up by a slow query). An application exception, so the EJB container
 * rolls back without logging an ERROR with a stack trace (WFLYEJB0034) at every poll: the caller logs one warning.
 */
@ApplicationException(rollback = true)
public class PeersUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PeersUnreadable(Exception cause) {
        super("cannot read the DARP peers (" + innermost(cause) + ")", cause);
    }

    /** The pool's or the driver's own words, not the wrappers' SQL text. */
    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
