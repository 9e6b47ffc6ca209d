package org.argusee.status.boundary;

import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.argusee.status.control.JointStatus;
import org.argusee.status.control.ServiceCombiner;
import org.argusee.status.control.ServiceStatus;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The {@link StatusBoard}'s way to the {@link ServiceCombiner} (the DARP master's, when there is one), which may
 * replace a service's own result by a status several servers give together. Resolved on first use rather than at
 * injection, since the board exists before the combiner's component has started; without one (unit tests, or no
 * implementation deployed) nothing is combined.
 */
final class Combining {

    private final Supplier<Instance<ServiceCombiner>> source;
    /** Resolved once; null until then. */
    private volatile Optional<ServiceCombiner> combiner;

    Combining(Supplier<Instance<ServiceCombiner>> source) {
        this.source = source;
    }

    /** Without a container (tests): this combiner, or none. */
    void use(ServiceCombiner c) {
        combiner = Optional.ofNullable(c);
    }

    /** Once at startup, outside the board's lock: the combiner may read the database. */
    void start() {
        combiner().ifPresent(ServiceCombiner::start);
    }

    /** The status the servers give together, when this service is combined; empty when it is not. */
    Optional<JointStatus> combined(TreeNode node, Optional<ServiceStatus> own, Instant now) {
        Optional<ServiceCombiner> c = combiner();
        return c.isEmpty() ? Optional.empty() : c.get().combine(node, own, now);
    }

    /** The services of this tree whose status is combined; none without a combiner. */
    Collection<Long> combinedIn(TreeSnapshot tree) {
        Optional<ServiceCombiner> c = combiner();
        return c.isEmpty() ? List.of() : c.get().combinedIn(tree);
    }

    private Optional<ServiceCombiner> combiner() {
        Optional<ServiceCombiner> c = combiner;
        if (c == null) {
            Instance<ServiceCombiner> all = source.get();
            // the bean itself rather than its client proxy: the proxy's context look-up was paid on each reply
            c = all != null && all.isResolvable()
                    ? Optional.of(all.get().instance().get())
                    : Optional.empty();
            combiner = c;
        }
        return c;
    }
}
