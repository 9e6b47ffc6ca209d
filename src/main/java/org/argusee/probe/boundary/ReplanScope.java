package org.argusee.probe.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.argusee.tree.boundary.TreeReloaded;
import org.argusee.tree.control.TreeSnapshot;

/**
 * What changed in the tree since the {@link Scheduler} last planned (issue 17), so its replan looks at those
 * services only. It follows the tree's {@link TreeReloaded} events: while each one starts from the snapshot the
 * last one ended at and names the ids it re-read, their union covers every row that changed. Anything else (a full
 * read, whose ids are empty; an event missed or out of turn; the first plan) makes the next replan compare every
 * service, as before. This bean only writes down: the scheduler is told of the new tree by {@link SchedulerSignals},
 * whose observer comes after this one's.
 */
@ApplicationScoped
public class ReplanScope {

    /**
     * The snapshot last planned and, when known, the ids changed from it to {@code next}; previous null: all.
     * {@code patched}: every snapshot on the way was built from the one before ({@code TreeReloaded#patched}).
     */
    record Step(TreeSnapshot previous, Set<Long> changed, boolean patched) {

        boolean whole() {
            return previous == null;
        }
    }

    /** The snapshot the scheduler planned last; null before the first plan. */
    private TreeSnapshot planned;
    /** The newest snapshot the events (or a plan) reached. */
    private TreeSnapshot reached;
    /** The ids re-read from {@link #planned} to {@link #reached}, while {@link #known}. */
    private final Set<Long> changed = new HashSet<>();

    private boolean known;
    /** Every event from {@link #planned} to {@link #reached} was of a patched snapshot. */
    private boolean patched = true;

    synchronized void reloaded(@Observes TreeReloaded reloaded) {
        if (reloaded.current() == reached) {
            return; // planned already, whole, before this event came
        }
        if (known && reloaded.previous() == reached && !reloaded.changed().isEmpty()) {
            changed.addAll(reloaded.changed());
            patched &= reloaded.patched();
        } else {
            known = false;
            changed.clear();
        }
        reached = reloaded.current();
    }

    /**
     * What to look at to plan {@code tree}, which the scheduler then counts as planned; empty when it planned this
     * very snapshot last.
     */
    synchronized Optional<Step> take(TreeSnapshot tree) {
        if (tree == planned) {
            return Optional.empty();
        }
        Step step = planned != null && known && tree == reached
                ? new Step(planned, Set.copyOf(changed), patched)
                : new Step(null, Set.of(), false);
        planned = tree;
        reached = tree;
        changed.clear();
        known = true;
        patched = true;
        return Optional.of(step);
    }
}
