package org.argusee.probe.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.argusee.status.control.ProbeNow;

/**
 * The scheduler behind status's check-now port. A bean of its own rather than the scheduler implementing the
 * interface: an EJB singleton that implements an interface would lose its no-interface view.
 */
@ApplicationScoped
public class SchedulerProbeNow implements ProbeNow {

    @Inject
    Scheduler scheduler;

    @Override
    public int checkNow(Collection<Long> serviceIds) {
        return scheduler.checkNow(serviceIds);
    }
}
