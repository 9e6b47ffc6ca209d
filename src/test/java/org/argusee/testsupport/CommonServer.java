package org.argusee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's one general harness server (on {@link SharedServers}: booted by the first class that asks, started again
 * if a test left it down, ended by {@link DatabaseSession}), for the classes that need a server of their own only to
 * restart it, kill it or take its database away, and would otherwise each boot one with the same settings: the
 * notification classes, {@code ForecastRestartIT}, {@code DatabaseDownIT}, {@code MultiServerIT}. A boot is 16-20 s of
 * CPU of the 2 cores a CI run has.
 *
 * <p>What it is given: mail to an SMTP port chosen once per run ({@link #smtpPort}: each notification class starts a
 * GreenMail of its own there), queue time 0, a retry after 1 s, flapping from the fifth notification (none of which
 * touches a class that makes no {@code notify} objects); its connections to its database pass through a
 * {@link #database} relay, open whenever {@link #get} answers, that a class may reset to take the database away.
 * Each class works in a group, users and names of its own and deletes them at its end.
 */
public final class CommonServer {

    private static final String NAME = "common";
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/(.*)$");

    private static int smtpPort;
    private static Relay database;

    private CommonServer() {}

    /** The server, running, with its database relay open. */
    public static synchronized ArgusServer get() {
        smtpPort();
        if (database != null) {
            database.open(); // a class that failed with the database away left it so
        }
        return SharedServers.get(NAME, CommonServer::settings);
    }

    /**
     * The SMTP port the server mails to, chosen once per run: a notification class listens there (127.0.0.1) with a
     * GreenMail of its own.
     */
    public static synchronized int smtpPort() {
        if (smtpPort == 0) {
            smtpPort = freePort();
        }
        return smtpPort;
    }

    /** The server's way to its database: {@link Relay#reset} it and the database is away, {@link Relay#open} back. */
    public static synchronized Relay database() {
        get();
        return database;
    }

    private static void settings(ArgusServer server) {
        Matcher url = JDBC.matcher(server.database().url());
        if (!url.matches()) {
            throw new IllegalStateException(
                    "not a loopback PostgreSQL URL: " + server.database().url());
        }
        database = Relay.to(Integer.parseInt(url.group(1)));
        SharedServers.closeAtEnd(database);
        server.secret("DB_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + url.group(2))
                .property("argus.smtp.port", Integer.toString(smtpPort))
                .property("argus.smtp.from", "argus@localhost")
                .property("argus.notify.qtime", "0")
                .property("argus.notify.retry-seconds", "1")
                .property("argus.notify.flap-count", "4");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
