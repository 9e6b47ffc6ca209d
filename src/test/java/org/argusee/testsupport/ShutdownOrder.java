package org.argusee.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * The quick start stops its database last. Ctrl-C (or SIGTERM to the process group) reaches Maven's JVM, which
 * holds the embedded PostgreSQL, and WildFly at the same moment; the JVM's shutdown hooks (zonky registers one that
 * stops PostgreSQL) then ran while WildFly was still undeploying, so its last writes (the status batch, the check
 * times) failed with "Unable to get managed connection". So Maven's JVM takes SIGINT and SIGTERM itself: it asks
 * WildFly to stop (SIGTERM, a graceful stop; harmless if the group's signal reached it already), waits for it to
 * exit (at most {@code max}), and only then exits, which runs the hooks that stop PostgreSQL. The run profile
 * starts standalone.sh with {@code LAUNCH_JBOSS_IN_BACKGROUND=1}, so the script relays the signal and waits for
 * WildFly too: otherwise it died at once, exec:exec returned, and Maven ended (and stopped PostgreSQL) while WildFly
 * was still writing.
 *
 * <p>Nothing here may load a class of this project once main has returned: exec:java closes the class loader then.
 * So the handler is made in {@link #install} and the code it runs uses no lambdas of its own.
 */
final class ShutdownOrder {

    private static final Logger LOG = Logger.getLogger(ShutdownOrder.class.getName());

    private ShutdownOrder() {}

    /** From now on SIGINT and SIGTERM stop this JVM's WildFly first, then the JVM (and so its database). */
    static void install(Duration max) {
        Predicate<ProcessHandle> server = ShutdownOrder::isServer;
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            Exit exit = new Exit(128 + signal.getNumber()); // made now: its class cannot be loaded later
            Signal.handle(signal, s -> afterServers(server, max, exit));
        }
    }

    /** A WildFly started by the quick start: its JVM (jboss-modules) or its launcher script. */
    static boolean isServer(ProcessHandle p) {
        String command = p.info().commandLine().orElse("");
        return command.contains("jboss-modules.jar") || command.contains("standalone.sh");
    }

    /**
     * Asks every descendant that {@code server} picks to stop (SIGTERM), waits until they have exited or {@code max}
     * has passed, then runs {@code last}.
     */
    static void afterServers(Predicate<ProcessHandle> server, Duration max, Runnable last) {
        Instant deadline = Instant.now().plus(max);
        List<ProcessHandle> servers =
                ProcessHandle.current().descendants().filter(server).toList();
        if (!servers.isEmpty()) {
            LOG.info("Stopping WildFly (" + servers.size() + " process(es)) before the database");
        }
        for (ProcessHandle p : servers) {
            p.destroy();
        }
        for (ProcessHandle p : servers) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0 || !await(p, left)) {
                LOG.warning("WildFly (pid " + p.pid() + ") still running after " + max.toMillis()
                        + " ms; stopping the database anyway");
                break;
            }
        }
        last.run();
    }

    private static boolean await(ProcessHandle p, long millis) {
        try {
            p.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // nothing to wait for any more
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Exits the JVM with a signal's conventional status; a class loaded at {@link #install}, not later. */
    private record Exit(int status) implements Runnable {
        @Override
        public void run() {
            Runtime.getRuntime().exit(status);
        }
    }
}
