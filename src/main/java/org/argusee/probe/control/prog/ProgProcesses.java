package org.argusee.probe.control.prog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the monitors that run programs (Prog, Ping) share: finding a program, the small bounded thread pools that
 * wait on processes, and killing a process with everything it started.
 */
public final class ProgProcesses {

    private static final Logger LOG = Logger.getLogger(ProgProcesses.class.getName());
    /** Where ping tools live even when the server's PATH lacks the sbin directories. */
    private static final List<String> SYSTEM_DIRS =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private ProgProcesses() {}

    /** The first executable of that name on the PATH or in the system directories. */
    public static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /**
     * A pool of daemon threads with a bounded queue: a flood of probes is refused (the caller fails them) rather
     * than queued without end. Idle threads end after a while.
     */
    public static ThreadPoolExecutor pool(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                r -> daemon(r, name + "-" + count.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One thread for deadlines; a cancelled deadline leaves its queue at once. */
    public static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, name));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * Kills the process, what it started that is still its descendant, and, when it leads its own process group
     * (started through setsid), the whole group: that also reaches children whose parent already exited.
     */
    public static void killTree(Process process, boolean ownGroup) {
        if (ownGroup) {
            killGroup(process);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills what is left of the process group the process leads; nothing when the group is empty. */
    static void killGroup(Process process) {
        try {
            // the pid is a number from the JDK, not text from a configuration
            new ProcessBuilder("/bin/sh", "-c", "kill -KILL -" + process.pid() + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot kill process group " + process.pid(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
