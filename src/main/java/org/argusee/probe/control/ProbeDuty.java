package org.argusee.probe.control;

import java.util.Optional;
import org.argusee.tree.control.TreeNode;

/**
 * Whether this server tests a service now. DARP decides it when the server has peers (its mode and tags, and for
 * failover whether the master is reachable); without DARP every service is tested. Defined here so the scheduler
 * needs no DARP classes: DARP implements it and the scheduler finds it through CDI.
 */
public interface ProbeDuty {

    /** Tests everything, always: what a server without DARP does. */
    ProbeDuty EVERYWHERE = new ProbeDuty() {
        @Override
        public Assignment assign(TreeNode service) {
            return Assignment.ALWAYS;
        }

        @Override
        public Object version() {
            return this;
        }
    };

    /**
     * Worked out once when a service is planned (its DARP parameters read then, not at every probe); asked at each
     * of its probes.
     */
    Assignment assign(TreeNode service);

    /**
     * Why this server refuses to run a service at all, or empty. A refused service is kept in the tree and never
     * probed; it shows down with this reason, as a service whose settings cannot be used does. DARP refuses on a
     * slave the services that would run local programs for its master (issue 15, finding 1).
     */
    default Optional<String> refusal(TreeNode service) {
        return Optional.empty();
    }

    /**
     * Changes (compared by identity) whenever who tests what may have changed, e.g. after the peers changed.
     * Whoever changes it tells the scheduler at once ({@link DarpMoved}; the pair's role: {@code RoleInEffect}), which
     * then compares it; its watchdog timer compares it too, for a word missed.
     */
    Object version();

    /** One service's duty. {@link #testsNow()} runs at every tick of the service: it must be a few field reads. */
    @FunctionalInterface
    interface Assignment {

        Assignment ALWAYS = () -> true;

        boolean testsNow();
    }
}
