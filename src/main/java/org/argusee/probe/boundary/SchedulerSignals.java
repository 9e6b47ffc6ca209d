package org.argusee.probe.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.argusee.platform.control.RoleInEffect;
import org.argusee.tree.boundary.TreeReloaded;

/**
 * Tells the {@link Scheduler} at once what its EJB timer looked for every second until session 15 (issue 17: that
 * look cost 0.35-0.6 ms of CPU a second, WildFly's timer code run too rarely to be compiled): a new tree
 * ({@link TreeReloaded}: services to plan) and the pair's new role ({@link RoleInEffect}: services that have just
 * become tested here). DARP's links and peers come by {@link DarpFollower}. The scheduler's timer stays, slower, as
 * a watchdog for a word missed (an observer before this one failing, a task refused).
 *
 * <p>Each word is handed to the managed executor: the thread that fires it (an API write's, the tree's listener, the
 * lease's) must not wait for a plan. The task runs the scheduler's own method, not a call through the container,
 * which waits while the deployment is starting. At most one task of each kind waits: it reads the state only when
 * it starts, after its flag is cleared, so it covers every word before; a word after the clear queues another.
 */
@ApplicationScoped
public class SchedulerSignals {

    private static final Logger LOG = Logger.getLogger(SchedulerSignals.class.getName());

    @Resource
    ManagedExecutorService executor;

    private final Signal replan = new Signal("a new tree");
    private final Signal duty = new Signal("the pair's new role");

    /** From the scheduler's start; words before it are covered by its first plan and its first timeout. */
    void follow(Runnable replanNow, Runnable dutyNow) {
        replan.action = replanNow;
        duty.action = dutyNow;
    }

    /**
     * Not before the scheduler made this bean: its first plan comes after. After the other observers (default
     * priority): {@link ReplanScope} has noted what changed when the plan asks it, so the plan looks at that only.
     */
    void treeReloaded(
            @Observes(notifyObserver = Reception.IF_EXISTS) @Priority(Interceptor.Priority.LIBRARY_AFTER)
                    TreeReloaded reloaded) {
        replan.raise();
    }

    void roleInEffect(@Observes(notifyObserver = Reception.IF_EXISTS) RoleInEffect role) {
        duty.raise();
    }

    private final class Signal {
        private final String what;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile Runnable action;

        Signal(String what) {
            this.what = what;
        }

        void raise() {
            Runnable a = action;
            if (a == null || !pending.compareAndSet(false, true)) {
                return; // not following yet, or a task that has not started yet will see this change too
            }
            try {
                executor.execute(() -> run(a));
            } catch (RejectedExecutionException e) {
                pending.set(false);
                LOG.log(Level.FINE, "the scheduler is not told of " + what + ": shutting down", e);
            }
        }

        private void run(Runnable a) {
            pending.set(false); // before reading anything: a change from here on queues another task
            try {
                a.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the scheduler could not follow " + what + "; its timer will look again", e);
            }
        }
    }
}
