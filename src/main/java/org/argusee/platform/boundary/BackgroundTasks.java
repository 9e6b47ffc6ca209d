package org.argusee.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Periodic work of the application (lease renewal, DARP polls, told sharing and pruning), each task on a thread of
 * its own from the container's thread factory (its context, its name).
 *
 * <p>Not the managed scheduled executor: that one refuses every run once the server is suspended, the first step of
 * a shutdown, before any application event, and WildFly logs each refusal as an ERROR (WFLYEE0110), so every stop
 * of the server logged errors. These threads run on through the suspension and stop when the application starts to
 * go down, before the beans they call go. One thread per task: a task blocked on the database (an outage, a starved
 * pool) does not hold up the others, the lease renewal above all.
 */
@ApplicationScoped
public class BackgroundTasks {

    private static final Logger LOG = Logger.getLogger(BackgroundTasks.class.getName());

    @Resource
    ManagedThreadFactory threads;

    private final List<ScheduledExecutorService> running = new CopyOnWriteArrayList<>();
    private final List<Runnable> wakes = new CopyOnWriteArrayList<>();

    /**
     * As {@link ScheduledExecutorService#scheduleWithFixedDelay}; cancel the answer to stop the task early. The thread
     * is named after the class that wrote the task ("argus-NotifySender"), so a per-thread CPU reading
     * ({@code bench/idle-cpu.sh}) says which task spends it.
     */
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        String name = "argus-" + owner(task);
        ScheduledExecutorService one = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = threads.newThread(r);
            t.setName(name);
            return t;
        });
        running.add(one);
        return one.scheduleWithFixedDelay(task, initialDelay, delay, unit);
    }

    /**
     * Called when the tasks stop, before their threads are interrupted: for a task that waits where an interrupt
     * does not reach (a socket's read), a way to end that wait, so the application's stop does not wait for it.
     */
    public void whenStopping(Runnable wake) {
        wakes.add(wake);
    }

    /** The simple name of the class a lambda or inner class was written in. */
    static String owner(Runnable task) {
        String name = task.getClass().getName();
        name = name.substring(name.lastIndexOf('.') + 1);
        int inner = name.indexOf('$');
        return inner > 0 ? name.substring(0, inner) : name;
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stopAll();
    }

    @PreDestroy
    void stopAll() {
        wakes.forEach(Runnable::run);
        wakes.clear();
        running.forEach(ScheduledExecutorService::shutdownNow);
        for (ScheduledExecutorService one : running) {
            try {
                if (!one.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warning("A background task did not stop within 2 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }
}
