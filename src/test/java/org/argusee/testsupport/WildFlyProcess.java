package org.argusee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * One WildFly JVM, started directly with java (the command WildFly's launcher builds, as Arquillian does), not
 * through standalone.sh: the PID is the server's own, so SIGSTOP and SIGKILL reach the server and not a shell.
 * Every live process is also known to a JVM shutdown hook, so a test run that ends, fails or is interrupted
 * leaves no server behind.
 */
final class WildFlyProcess {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-extra-wildfly-servers"));
    }

    private final Process process;
    private volatile boolean hung;

    private WildFlyProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the server; {@code environment} replaces the inherited DB_* and ARGUS_* variables, which would
     * otherwise reach the server (a developer's DB_URL wins over the system property in the datasource).
     */
    static WildFlyProcess launch(
            Path jbossHome, ServerBase base, List<String> javaOptions, Map<String, String> environment) {
        List<String> command = StandaloneCommandBuilder.of(jbossHome)
                .setBaseDirectory(base.dir())
                .setJavaOptions(javaOptions)
                .build();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(base.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.console().toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("ARGUS_"));
        builder.environment().putAll(environment);
        try {
            base.forgetDeploymentFailure();
            Process process = builder.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            base.recordPid(process.pid());
            return new WildFlyProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start WildFly in " + base.dir(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    boolean hung() {
        return hung && alive();
    }

    /** User and system CPU time of the JVM so far (zero where the platform does not tell). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGSTOP: the JVM freezes; the kernel still accepts connections, nothing answers them. */
    void hang() {
        signal("STOP");
        hung = true;
    }

    /** SIGCONT: the JVM goes on where it stopped. */
    void resume() {
        signal("CONT");
        hung = false;
    }

    /** SIGTERM, so WildFly shuts down in order; SIGKILL if it has not within {@code grace}. */
    void stop(Duration grace) {
        if (hung) {
            // a stopped process keeps SIGTERM pending until it runs again
            resume();
        }
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    /** SIGKILL: no shutdown, as a crash or the OOM killer would end it. */
    void kill() {
        process.destroyForcibly();
        if (!waitFor(Duration.ofSeconds(30))) {
            throw new IllegalStateException("WildFly " + pid() + " survived SIGKILL for 30 s");
        }
        hung = false;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signal(String name) {
        if (!alive()) {
            throw new IllegalStateException("WildFly " + pid() + " is not running, cannot send SIG" + name);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
