package org.argusee.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own for one extra server, created in the test run's PostgreSQL (the one {@link DatabaseSession}
 * started), so a single PostgreSQL process serves every server. Owned by the test user, as the server connects as
 * that user and Flyway creates the schema. The embedded PostgreSQL trusts its superuser "postgres" on 127.0.0.1;
 * an external one (ARGUS_TEST_DB_URL) needs a test user allowed to create databases.
 */
public final class ServerDatabase {

    private static final Logger LOG = Logger.getLogger(ServerDatabase.class.getName());
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

    private final String name;
    private final String url;

    private ServerDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** Creates an empty database named after the server, with a random suffix so no run sees another's data. */
    public static ServerDatabase create(String serverName) {
        String name = "argus_" + serverName.replace('-', '_') + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            String owner = "postgres".equals(c.getMetaData().getUserName()) ? " owner " + quote(testUser()) : "";
            s.execute("create database " + name + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + " for server " + serverName, e);
        }
        return new ServerDatabase(name, withDatabase(testUrl(), name));
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return testUser();
    }

    public String password() {
        return System.getProperty(TestDatabase.PASSWORD_PROPERTY);
    }

    private static String testUser() {
        return System.getProperty(TestDatabase.USER_PROPERTY);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** Drops the database; connections a killed server left behind are ended first. */
    public void drop() {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            // the run's PostgreSQL is wiped at the next run anyway: a leftover costs disk, not correctness
            LOG.log(Level.WARNING, "could not drop the test database " + name, e);
        }
    }

    private static Connection admin() throws SQLException {
        String url = testUrl();
        try {
            return DriverManager.getConnection(withDatabase(url, "postgres"), "postgres", "");
        } catch (SQLException notTrusted) {
            return DriverManager.getConnection(url, testUser(), System.getProperty(TestDatabase.PASSWORD_PROPERTY));
        }
    }

    private static String testUrl() {
        String url = System.getProperty(TestDatabase.URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("no test database: run the integration tests with mvn verify");
        }
        return url;
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        return m.group(1) + database + m.group(3);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
