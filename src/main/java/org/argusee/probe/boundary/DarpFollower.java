package org.argusee.probe.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.probe.control.DarpMoved;

/**
 * Hands a DARP link change to the {@link Scheduler} on the managed executor. The event comes on a network thread
 * (the slave's link, a slave's WebSocket), which must not wait for the scheduler, an EJB that makes callers wait
 * while the deployment is still starting.
 */
@ApplicationScoped
public class DarpFollower {

    private static final Logger LOG = Logger.getLogger(DarpFollower.class.getName());

    @Inject
    Scheduler scheduler;

    @Resource
    ManagedExecutorService executor;

    void moved(@Observes DarpMoved moved) {
        try {
            executor.execute(() -> scheduler.linkMoved(moved.tag(), moved.dutyChanged()));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "DARP link change of '" + moved.tag() + "' not followed: shutting down", e);
        }
    }
}
