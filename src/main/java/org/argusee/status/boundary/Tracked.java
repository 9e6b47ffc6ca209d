package org.argusee.status.boundary;

import java.time.Instant;
import java.util.Optional;
import org.argusee.status.control.ServiceStatus;
import org.argusee.status.control.evaluation.EvalState;
import org.argusee.status.control.evaluation.ReplyRules;
import org.argusee.tree.control.TreeNode;

/**
 * A service between probes: status machine, calc state, status known yet, its parameters parsed (issue 17).
 * Changed in place under the status board's lock, so a reply costs one map look-up rather than a new entry put.
 * <p>
 * It also remembers when the status graph holds the state its status gives and that state depends on nothing
 * else ({@link #settled}): the common reply, the same result again, then needs neither the tree's look-up of the
 * service nor the graph's work (four look-ups in maps of every service, cold at 20,000 services; issue 17).
 */
final class Tracked {
    ServiceStatus status;
    EvalState eval;
    boolean known;
    ReplyRules rules;
    /** Its last check, in {@link CheckTimes}' own cell for it: set at each reply without a look-up. */
    final CheckTimes.Cell check;

    /**
     * The service's node while settled, else null. No tree beside it: every new tree moves the graph's epoch, and a
     * tree held here would keep each replaced snapshot, and its indexes, alive until every service had replied again.
     */
    private TreeNode node;

    /** The graph's {@link org.argusee.status.control.StatusGraph#epoch} when it was settled. */
    private long epoch;

    /** No longer the board's ({@link TrackedServices}): a prober that kept it looks the service up again. */
    private volatile boolean dropped;

    /** At a service's first reply: the status the graph knows for it (restored), else unknown since now. */
    static Tracked first(Optional<ServiceStatus> known, Instant now, ReplyRules rules, CheckTimes.Cell check) {
        return new Tracked(known.orElse(ServiceStatus.initial(now)), known.isPresent(), rules, check);
    }

    private Tracked(ServiceStatus status, boolean known, ReplyRules rules, CheckTimes.Cell check) {
        this.status = status;
        this.eval = EvalState.EMPTY;
        this.known = known;
        this.rules = rules;
        this.check = check;
    }

    /**
     * The service's node when the graph needs not hear of this reply: the status and whether it is known are what
     * they were when it was settled, and nothing else the graph reads for it has changed since, a new tree neither
     * (its epoch). Null otherwise. Asked before {@link #status} and {@link #known} take the reply's.
     */
    TreeNode quiet(ServiceStatus next, boolean nowKnown, long currentEpoch) {
        return node != null && epoch == currentEpoch && nowKnown == known && next.equals(status) ? node : null;
    }

    /**
     * The graph holds the state of {@link #status} (known, not combined) and it follows from that alone ({@link
     * org.argusee.status.control.StatusGraph#followsOwnStatus}).
     */
    void settled(TreeNode node, long epoch) {
        this.node = node;
        this.epoch = epoch;
    }

    void unsettled() {
        node = null;
    }

    void drop() {
        dropped = true;
    }

    boolean dropped() {
        return dropped;
    }
}
