package org.argusee.probe.control.prog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.platform.control.ProgramUser;
import org.argusee.probe.control.Monitor;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.probe.control.ProbeSpec;
import org.argusee.probe.control.Reply;
import org.argusee.probe.control.net.NetLoop;

/**
 * {@code Prog}: runs {@code command} through {@code /bin/sh -c} (in a session of its own when {@code setsid} is
 * there, so that a timeout kills everything it started) with the environment of {@link ProgEnvironment}, as the user of {@code argus.prog.user} when one is set
 * ({@link ProgramUser}). The
 * exit code decides, 0 is up, unless a value test or value processing is set ({@code expect}, {@code maxvalue},
 * {@code pluck}...: {@link ProgRun#judgedByOutput}): then the output is the value and those tests decide. Either way
 * the output (stdout and stderr on one pipe, as the original; at most 64 KiB, trailing line ends removed) is the value.
 * A process still running at the service's timeout is killed, and when the command exits, what it left running in
 * its process group is killed too (it would hold the output open, and pile up at every probe). Waiting for a
 * process holds a thread, so runs go to a small pool of their own with a bounded queue, never the caller's thread.
 */
public final class ProgMonitor implements Monitor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProgMonitor.class.getName());
    static final String BUSY = "too many programs waiting to run";

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer = ProgProcesses.timer("argus-prog-timer");
    private final List<String> shell;
    private final boolean ownGroup;
    private final Map<String, String> environment;
    private final ProgramUser user;
    private final Set<ProgRun> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param environment what to set in the commands' environment (see {@link ProgEnvironment})
     * @param threads     how many commands run at once; more wait in a queue of 64 per thread
     */
    public ProgMonitor(Map<String, String> environment, int threads) {
        this(environment, threads, ProgramUser.serverOwn());
    }

    /** @param user who the commands run as ({@code argus.prog.user}) */
    public ProgMonitor(Map<String, String> environment, int threads, ProgramUser user) {
        this.environment = Map.copyOf(environment);
        this.user = user;
        this.pool = ProgProcesses.pool("argus-prog", threads, 64 * threads);
        Optional<String> setsid = ProgProcesses.find("setsid").map(Object::toString);
        List<String> prefix = new ArrayList<>();
        setsid.ifPresent(prefix::add);
        // setsid first: the session it makes is the process group a timeout kills, setpriv's switch inside it
        prefix.addAll(user.command(List.of("/bin/sh", "-c")));
        this.shell = List.copyOf(prefix);
        this.ownGroup = setsid.isPresent();
        if (setsid.isEmpty()) {
            LOG.warning("setsid not found: a Prog command killed at its timeout may leave behind what it started");
        }
    }

    @Override
    public boolean handles(ProbeSpec spec) {
        return MonitorRoute.PROG.takes(spec.type());
    }

    @Override
    public CompletionStage<Reply> probe(ProbeSpec spec) {
        if (!handles(spec)) {
            return failed(spec.type().text() + " is not a Prog service");
        }
        String command = spec.param("command").filter(c -> !c.isBlank()).orElse(null);
        if (command == null) {
            return failed("no command: set 'command'");
        }
        if (closed) {
            return failed(NetLoop.SHUT_DOWN);
        }
        ProgRun run = new ProgRun(command, shell, ownGroup, environment, user, ProgRun.judgedByOutput(spec.params()));
        running.add(run);
        run.result().whenComplete((r, e) -> running.remove(run));
        try {
            ScheduledFuture<?> deadline =
                    timer.schedule(run::timedOut, spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            run.result().whenComplete((r, e) -> deadline.cancel(false));
            pool.execute(run::run);
        } catch (RejectedExecutionException e) {
            run.fail(closed ? NetLoop.SHUT_DOWN : BUSY);
        }
        return run.result().minimalCompletionStage();
    }

    /** Programs running or waiting; for tests and figures. */
    int inFlight() {
        return running.size();
    }

    /** Kills what runs and fails what waits, as "shut down". */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        timer.shutdownNow();
        List.copyOf(running).forEach(run -> run.kill(NetLoop.SHUT_DOWN));
    }

    private static CompletionStage<Reply> failed(String reason) {
        return CompletableFuture.completedStage(Reply.failed(reason, Duration.ZERO));
    }
}
