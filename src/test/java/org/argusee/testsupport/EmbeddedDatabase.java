package org.argusee.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL from a Maven artifact (zonky's binaries), for the tests and the quick start, with the role
 * and database "argus" the server expects.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "argus";
    public static final String PASSWORD = "argus";
    public static final String DATABASE = "argus";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, Path dataDir, String password) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
        this.password = password;
    }

    /** Starts PostgreSQL with its data in {@code dataDir}; {@code clean} wipes it first (tests) or keeps it (quick start). */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
        return start(dataDir, port, clean, null);
    }

    /**
     * As {@link #start(Path, int, boolean)}; with a {@code password} (letters and digits), every connection must
     * give it ({@link PasswordOnly}): the roles postgres and argus get it, pg_hba.conf asks for it.
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean, String password) {
        try {
            Files.createDirectories(dataDir.getParent());
            if (clean) {
                removeLeftover(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (password != null) {
                // ignored while pg_hba.conf says trust (a fresh directory), needed once it asks for passwords
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres postgres = builder.setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    // zonky turns synchronous commit off; the quick start keeps it on, so a commit it acknowledged
                    // is on disk (a crash loses nothing WildFly was told is stored). The status writer commits one
                    // batch every 100 ms, so this costs little. Tests throw their data away: off there.
                    .setServerConfig("synchronous_commit", clean ? "off" : "on")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(postgres, port, dataDir, password);
            db.createArgusDatabase();
            if (password != null) {
                PasswordOnly.apply(postgres, dataDir, password);
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A test run killed with SIGKILL leaves its PostgreSQL running and its data directory behind, and initdb refuses
     * a directory that is not empty: the old server (its PID is in postmaster.pid) is stopped and the directory goes.
     */
    private static void removeLeftover(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            if (first.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(first))
                        .filter(p -> p.info()
                                .command()
                                .map(c -> c.contains("postgres"))
                                .orElse(false))
                        .ifPresent(p -> {
                            p.destroyForcibly();
                            p.onExit().join();
                        });
            }
        }
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * A crash, as a drill wants it: SIGKILL to the postmaster and every process it started, with no checkpoint and
     * no flush. What the next {@link #start} on the same folder finds is what a crash of this machine would leave
     * (with synchronous commit on, every acknowledged commit); zonky's own lock on the folder is let go.
     */
    public void kill() {
        try {
            String first =
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(first))
                    .orElseThrow(() -> new IllegalStateException("no postmaster " + first));
            List<ProcessHandle> all =
                    new java.util.ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(p -> p.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postmaster's pid in " + dataDir, e);
        }
        close(); // pg_ctl stop finds nothing to stop (zonky logs that); the folder's lock is released
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private void createArgusDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + USER + "'")) {
                // a literal: DDL takes no parameters; PasswordOnly allows letters and digits only
                s.execute("create role " + USER + " login password '" + (password == null ? PASSWORD : password) + "'");
            }
            if (!exists(s, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                s.execute("create database " + DATABASE + " owner " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the argus database", e);
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
