package org.argusee.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 4: the quick start's PostgreSQL let every user of the machine in as its superuser without a
 * password (zonky's initdb writes trust), so a Prog command running as another user could still rewrite the users
 * table. Now every connection needs the password from a file of mode 0600, also after a restart on the same data.
 */
class QuickstartDatabaseIT {

    @TempDir
    Path dir;

    @Test
    void everyConnectionNeedsThePasswordOfItsFileAcrossARestart() throws Exception {
        int port = freePort();
        Path file = dir.resolve("postgres.password");
        String password = PasswordOnly.password(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        for (int start = 0; start < 2; start++) {
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), port, false, password)) {
                String url = db.jdbcUrl();
                assertRefused(url, "postgres", "");
                assertRefused(url, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, password)) {
                    assertTrue(c.isValid(5));
                }
            }
        }
        assertEquals(password, PasswordOnly.password(file), "kept, not made again");
    }

    private static void assertRefused(String url, String user, String password) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, password)
                .close());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
