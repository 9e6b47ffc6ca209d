package org.argusee.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Extra servers kept for the whole test run (one test JVM) rather than one test class: for classes that boot the
 * same server with the same settings and leave nothing behind that another class could see (each works in a group
 * of its own), such as the notification tests, or the DARP classes on one master and slave ({@code DarpPair}), which
 * delete what they made. A boot costs 20-30 s of the 2 cores a CI run has; a second class on the same server costs
 * none. A server that a test stopped, or that died, is started again by the next caller, a frozen one resumed.
 * {@link DatabaseSession} closes them all at the end of the run, before the database they use goes.
 */
public final class SharedServers {

    private static final Logger LOG = Logger.getLogger(SharedServers.class.getName());
    private static final ArgusServers SERVERS = new ArgusServers();
    private static final Map<String, ArgusServer> BY_NAME = new LinkedHashMap<>();
    private static final List<AutoCloseable> AROUND = new ArrayList<>();

    private SharedServers() {}

    /**
     * The running server of this name; the first caller creates it, gives it its settings ({@code settings}, which
     * every caller of a name must pass alike: only the first caller's are applied) and starts it.
     */
    public static ArgusServer get(String name, Consumer<ArgusServer> settings) {
        return get(List.of(name), servers -> settings.accept(servers.get(0))).get(0);
    }

    /**
     * Several servers that belong together (a DARP master and its slave): the first caller creates them all, gives
     * them their settings (which may name each other's ports) and boots them side by side; a later caller gets them
     * running, those a test left down started again side by side, a hung one resumed.
     */
    public static synchronized List<ArgusServer> get(List<String> names, Consumer<List<ArgusServer>> settings) {
        return get(names, settings, created -> startAll(created.toArray(ArgusServer[]::new)));
    }

    /**
     * As {@link #get(List, Consumer)}, for servers whose first boot needs an order of its own ({@code boot}, given
     * them created and set, starts them all: a master pair's first member alone, as it makes the schema and the
     * admin the second one finds, then the rest with {@link #startAll}). Those a test left down are started again
     * side by side, as always.
     */
    public static synchronized List<ArgusServer> get(
            List<String> names, Consumer<List<ArgusServer>> settings, Consumer<List<ArgusServer>> boot) {
        if (names.stream().noneMatch(BY_NAME::containsKey)) {
            List<ArgusServer> created = new ArrayList<>();
            for (String name : names) {
                ArgusServer server = SERVERS.create(name);
                BY_NAME.put(name, server);
                created.add(server);
            }
            settings.accept(created);
            boot.accept(created);
            return created;
        }
        if (!names.stream().allMatch(BY_NAME::containsKey)) {
            throw new IllegalArgumentException(names + ": some of them are shared already, not all");
        }
        List<ArgusServer> servers = names.stream().map(BY_NAME::get).toList();
        ArgusServer[] down = servers.stream().filter(s -> !s.running()).toArray(ArgusServer[]::new);
        if (down.length > 0) {
            LOG.info(() -> "shared server(s) "
                    + Arrays.stream(down).map(ArgusServer::name).toList()
                    + " down (a test stopped or killed them, or they died): starting them again");
            SERVERS.startAll(down);
        }
        servers.stream().filter(ArgusServer::hung).forEach(ArgusServer::resume);
        return servers;
    }

    /** Boots shared servers side by side and waits until all are ready (for a {@code boot} of {@link #get}). */
    public static void startAll(ArgusServer... servers) {
        SERVERS.startAll(servers);
    }

    /** Closed at the end of the run, after the servers: what a caller set up around them (relays, SMTP servers). */
    public static synchronized void closeAtEnd(AutoCloseable resource) {
        AROUND.add(resource);
    }

    /** Whether {@code name} is a shared server's, for a caller other than the shared servers' own {@code owner}. */
    static synchronized boolean holds(String name, ArgusServers owner) {
        return owner != SERVERS && BY_NAME.containsKey(name);
    }

    /** Kills every shared server and drops its database; the end of the run. */
    static synchronized void closeAll() {
        BY_NAME.clear();
        try {
            SERVERS.close();
        } finally {
            for (AutoCloseable resource : AROUND) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warning(() -> "cannot close " + resource + ": " + e);
                }
            }
            AROUND.clear();
        }
    }
}
