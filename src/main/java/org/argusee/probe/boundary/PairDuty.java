package org.argusee.probe.boundary;

import java.util.Optional;
import org.argusee.platform.boundary.MasterLease;
import org.argusee.platform.control.MasterRole;
import org.argusee.probe.control.ProbeDuty;
import org.argusee.tree.control.TreeNode;

/**
 * DARP's duty (or everything) only while this server is the active one of its master pair (issue 16): the standby
 * probes nothing. Its {@link #version()} changes with the role, so the scheduler's takeover probes every service
 * as soon as this server is active ({@code RoleInEffect}), instead of at each one's next tick.
 */
final class PairDuty implements ProbeDuty {

    private record Version(Object inner, MasterRole role) {}

    private final ProbeDuty inner;
    private final MasterLease lease;
    private volatile Version version;
    /** The assignment of every service the inner duty always tests: one, not a lambda per service (issue 17). */
    private final Assignment whileActive;

    /** {@code lease}: the bean itself ({@link MasterLease#instance()}), asked at every turn. */
    PairDuty(ProbeDuty inner, MasterLease lease) {
        this.inner = inner;
        this.lease = lease;
        this.whileActive = () -> lease.role().active();
    }

    @Override
    public Assignment assign(TreeNode service) {
        Assignment a = inner.assign(service);
        return a == Assignment.ALWAYS ? whileActive : () -> lease.role().active() && a.testsNow();
    }

    @Override
    public Optional<String> refusal(TreeNode service) {
        return inner.refusal(service);
    }

    /** The same instance while neither the inner duty nor the role changed: the scheduler compares by identity. */
    @Override
    public Object version() {
        Object i = inner.version();
        MasterRole r = lease.role();
        Version v = version;
        if (v == null || v.inner() != i || v.role() != r) {
            v = new Version(i, r);
            version = v;
        }
        return v;
    }
}
