package org.argusee.platform.control;

/**
 * Whether this server is the active one of an active/standby master pair, and under which election (the lease's
 * epoch; -1 while it holds none). A new instance for every change, so a reader compares by identity. A server
 * that is not one of a pair is always active, at epoch 0. Also fired as a CDI event, synchronously, just before
 * the change takes effect: an observer that must catch up (the status board reading what the other server wrote)
 * does so before anything is probed.
 */
public record MasterRole(boolean active, long epoch) {

    public static final MasterRole ALONE = new MasterRole(true, 0);

    public static MasterRole standby() {
        return new MasterRole(false, -1);
    }

    public String label() {
        return active ? "active" : "standby";
    }
}
