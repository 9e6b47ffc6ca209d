package org.argusee.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The quick start's PostgreSQL asks every connection for its password. zonky's initdb writes {@code trust} for
 * every connection from this machine, so any local user (a Prog command running as another user too) was its
 * superuser without a password, whatever the server kept secret. Here the roles get a random password kept in a
 * file only the server's user reads (the quick start's wrapper passes it to WildFly as DB_PASSWORD), and
 * pg_hba.conf asks for it on the socket and on loopback. Done at every start, so an older quick-start directory
 * is closed too.
 */
final class PasswordOnly {

    private static final String HBA = """
            # Written by the quick start (PasswordOnly) at every start: every connection gives its role's password.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private PasswordOnly() {}

    /** The password in {@code file}, made (random, mode 0600) when the file is missing. */
    static String password(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                SecureRandom random = new SecureRandom();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 32; i++) {
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                Files.writeString(file, sb + "\n", StandardCharsets.UTF_8);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!password.matches("[A-Za-z0-9]{16,200}")) {
                throw new IllegalStateException(file + ": the database password must be 16 to 200 letters and digits");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the database password file " + file, e);
        }
    }

    static void apply(EmbeddedPostgres postgres, Path dataDir, String password) {
        if (!password.matches("[A-Za-z0-9]{16,200}")) {
            throw new IllegalArgumentException("the database password must be 16 to 200 letters and digits");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            // literals: ALTER ROLE takes no parameters; the password is letters and digits only (checked above)
            s.execute("alter role postgres password '" + password + "'");
            s.execute("alter role " + EmbeddedDatabase.USER + " password '" + password + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the quick start database's passwords", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }
}
