package org.argusee.status.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * Combines this server's own result for a service with what other servers say of it (the DARP master's
 * reports), so that groups, the dashboard and notifications see the combined status. The status package knows
 * only this interface; the DARP package implements it (a CDI bean), so neither imports the other's internals.
 * <p>
 * {@link #combine} and {@link #combinedIn} are called under the status board's lock: memory only, no database,
 * no waiting. {@link #start} is called once, at startup, before anything is probed and outside that lock.
 */
public interface ServiceCombiner {

    /** Reads what it needs to remember (stored reports) before the first probe. */
    void start();

    /**
     * The status to show for this service, or empty when this server's own result stands (the object is not
     * combined here).
     *
     * @param own this server's own status of it; empty while it has none (not tested here, or not settled yet)
     */
    Optional<JointStatus> combine(TreeNode service, Optional<ServiceStatus> own, Instant now);

    /**
     * The services to combine again when the whole picture may have changed (a new tree): every one combined
     * in {@code tree}, and every one combined before, so one that is no longer combined gets its own result back.
     */
    Collection<Long> combinedIn(TreeSnapshot tree);

    /**
     * This combiner itself: called through the container's client proxy, the contextual instance, which the status
     * board holds rather than the proxy (a context look-up on each reply, issue 17). An implementation with
     * interceptors (transactions, security) must return the proxy instead, or not override this and be called
     * through it. In a holder, as Weld gives its proxy back in place of a bean that a method returns itself.
     */
    default Supplier<ServiceCombiner> instance() {
        ServiceCombiner self = this;
        return () -> self;
    }
}
