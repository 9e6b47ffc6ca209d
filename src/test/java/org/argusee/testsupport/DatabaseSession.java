package org.argusee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the database of the integration tests once per test run, before Arquillian starts WildFly (which needs
 * the database when it boots), and hands its address to the server through system properties read by
 * arquillian.xml. Only active where the build asks for it (failsafe sets argus.test.embedded-db.dir);
 * ARGUS_TEST_DB_URL (with ARGUS_TEST_DB_USER / ARGUS_TEST_DB_PASSWORD) selects an external PostgreSQL instead.
 * At the end of the run it also ends the {@link SharedServers}, which use that database.
 */
public class DatabaseSession implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(DatabaseSession.class.getName());
    private EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("argus.test.embedded-db.dir");
        if (dir == null || System.getProperty(TestDatabase.URL_PROPERTY) != null) {
            return;
        }
        String external = System.getenv("ARGUS_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            TestDatabase.use(
                    external,
                    System.getenv().getOrDefault("ARGUS_TEST_DB_USER", EmbeddedDatabase.USER),
                    System.getenv().getOrDefault("ARGUS_TEST_DB_PASSWORD", EmbeddedDatabase.PASSWORD));
            LOG.info(() -> "Integration tests use the external PostgreSQL at " + external);
            return;
        }
        database = EmbeddedDatabase.start(Path.of(dir), freePort(), true);
        TestDatabase.use(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
        LOG.info(() -> "Integration tests use an embedded PostgreSQL at " + database.jdbcUrl());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            SharedServers.closeAll(); // first: they use the database
        } finally {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
