package org.argusee.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extra Argus servers of a test, each a WildFly process of its own (see {@link ArgusServer}). Register it with
 * {@code @RegisterExtension}: on an instance field the servers live for one test, on a static field for the class.
 * Closing kills every server, drops its database and frees its ports; base directories stay under
 * {@code target/servers/} for reading the logs. Also usable as an AutoCloseable without JUnit.
 */
public final class ArgusServers implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private final List<ArgusServer> servers = new ArrayList<>();
    private boolean classScoped;

    /** A new server, not started: its ports, an empty database, a fresh base directory with the WAR. */
    public synchronized ArgusServer create(String name) {
        return create(name, null);
    }

    /**
     * A new server on the database of {@code sharing} (the other half of an active/standby master pair, issue 16);
     * a new database of its own when {@code sharing} is null.
     */
    public synchronized ArgusServer create(String name, ArgusServer sharing) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "server name '" + name + "': 1-31 of a-z, 0-9, '-', starting with a letter");
        }
        if (servers.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("server name '" + name + "' is already used in this test");
        }
        if (SharedServers.holds(name, this)) {
            // its base directory is the shared one's: creating it would kill the shared server as an orphan
            throw new IllegalArgumentException("server name '" + name + "' is a shared server's (SharedServers)");
        }
        Path jbossHome = Path.of(required("jboss.home"));
        Path war = Path.of(required("argus.war"));
        if (!Files.isRegularFile(war) || !Files.isDirectory(jbossHome.resolve("modules"))) {
            throw new IllegalStateException(war + " or the server " + jbossHome + " is missing: run mvn verify");
        }
        Path dir = jbossHome.resolveSibling("servers").resolve(name);
        // before the ports are chosen: an orphan of this name from a killed test JVM still holds its old ones
        ServerBase.killOrphan(dir);
        int offset = PortSlots.reserve();
        ServerDatabase database = null;
        try {
            database = sharing != null ? sharing.database() : ServerDatabase.create(name);
            ServerBase base = ServerBase.prepare(jbossHome, dir, war);
            ArgusServer server = new ArgusServer(name, offset, jbossHome, base, database);
            servers.add(server);
            return server;
        } catch (RuntimeException e) {
            if (database != null && sharing == null) {
                database.drop();
            }
            PortSlots.release(offset);
            throw e;
        }
    }

    /** Boots the given servers side by side and waits until all are ready; the first failure is thrown. */
    public void startAll(ArgusServer... toStart) {
        List<ArgusServer> list = Arrays.asList(toStart);
        list.forEach(ArgusServer::launch);
        // a thread per server: the common pool has one thread on a 2-core machine, which would serialise the
        // waits and overstate the later servers' boot times
        ExecutorService waiters = Executors.newFixedThreadPool(list.size());
        try {
            List<CompletableFuture<Duration>> ready = list.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> s.awaitReady(ArgusServer.STARTUP_TIMEOUT), waiters))
                    .toList();
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // every server has been waited for (or killed) by now; report the first failure as it was thrown
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            waiters.shutdown();
        }
    }

    public synchronized List<ArgusServer> all() {
        return List.copyOf(servers);
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (ArgusServer server : servers) {
            try {
                server.kill();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
            server.database().drop();
            PortSlots.release(server.portOffset());
        }
        servers.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // only a static field's extension is called here; an instance field's is registered after this point
        classScoped = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScoped) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the ITs with mvn verify");
        }
        return value;
    }
}
