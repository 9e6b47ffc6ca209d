package org.argusee.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Extra servers kept for the whole test run (one test JVM) rather than one test class: for classes that boot the
 * same server with the same settings and leave nothing behind that another class could see (each works in a group
 * of its own), such as the notification tests. A boot costs 20-30 s of the 2 cores a CI run has; a second class
 * on the same server costs none. A server that a test stopped, or that died, is started again by the next caller.
 * {@link DatabaseSession} closes them all at the end of the run, before the database they use goes.
 */
public final class SharedServers {

    private static final Logger LOG = Logger.getLogger(SharedServers.class.getName());
    private static final ArgusServers SERVERS = new ArgusServers();
    private static final Map<String, ArgusServer> BY_NAME = new LinkedHashMap<>();

    private SharedServers() {}

    /**
     * The running server of this name; the first caller creates it, gives it its settings ({@code settings}, which
     * every caller of a name must pass alike: only the first caller's are applied) and starts it.
     */
    public static synchronized ArgusServer get(String name, Consumer<ArgusServer> settings) {
        ArgusServer server = BY_NAME.get(name);
        if (server == null) {
            server = SERVERS.create(name);
            settings.accept(server);
            BY_NAME.put(name, server);
            server.start();
        } else if (!server.running()) {
            ArgusServer restarted = server;
            LOG.info(() -> "shared server " + name + " is down (a test stopped it, or it died): starting it again");
            restarted.start();
        } else if (server.hung()) {
            server.resume();
        }
        return server;
    }

    /** Whether {@code name} is a shared server's, for a caller other than the shared servers' own {@code owner}. */
    static synchronized boolean holds(String name, ArgusServers owner) {
        return owner != SERVERS && BY_NAME.containsKey(name);
    }

    /** Kills every shared server and drops its database; the end of the run. */
    static synchronized void closeAll() {
        BY_NAME.clear();
        SERVERS.close();
    }
}
