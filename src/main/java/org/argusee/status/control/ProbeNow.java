package org.argusee.status.control;

import java.util.Collection;

/**
 * Check now: probe these services out of schedule. Status owns this port because its API offers the action,
 * while the probing that carries it out sits above status (the probe component implements it), and a lower
 * component must not reach up to the scheduler itself.
 */
public interface ProbeNow {

    /** Starts a probe of each of these services that this server tests now; returns how many were started. */
    int checkNow(Collection<Long> serviceIds);
}
