package org.argusee.platform.control;

/**
 * A write of this server was refused because it no longer holds the master lease at the epoch it wrote under
 * (fencing): the other server of the pair took over. Thrown inside the write's transaction, which then rolls back,
 * so nothing of it is stored.
 */
public class LeaseMoved extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseMoved(String holder, long epoch) {
        super("the master lease is no longer held by '" + holder + "' at epoch " + epoch
                + ": the other server of the pair is active; this write is refused");
    }

    /** Whether the failure is, or was caused by, a refusal by fencing (the container may have wrapped it). */
    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LeaseMoved) {
                return true;
            }
        }
        return false;
    }
}
