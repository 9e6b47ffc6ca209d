package org.argusee.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure someone can log in after the first start: with no users at all, creates the admin with the password
 * from argus.bootstrap.admin-password (env ARGUS_BOOTSTRAP_ADMIN_PASSWORD), or else a random one written to a
 * file only the server's user can read. The log names the file, never the password.
 */
@Singleton
@Startup
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "argus.bootstrap.admin-user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "argus.bootstrap.admin-password")
    Optional<String> adminPassword;

    @PostConstruct
    void createFirstAdmin() {
        if (users.count() > 0) {
            return;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            password = randomPassword();
            Path file = writeSecretFile(password);
            LOG.warning(() -> "No users yet: created '" + adminUser + "' with a random password, stored in " + file
                    + " (readable by this server's user only). Change it, then delete the file.");
        } else {
            LOG.info(() ->
                    "No users yet: created '" + adminUser + "' with the password from argus.bootstrap.admin-password");
        }
        users.createBootstrapAdmin(adminUser, password);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Path writeSecretFile(String password) {
        Path dir = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")));
        Path file = dir.resolve("argus-initial-admin-password");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password to " + file, e);
        }
    }
}
