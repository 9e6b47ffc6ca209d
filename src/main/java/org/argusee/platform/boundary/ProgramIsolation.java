package org.argusee.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.argusee.platform.control.ProgramUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup: the user the configuration's programs run as ({@code argus.prog.user}, env ARGUS_PROG_USER), checked
 * so that a server that cannot switch to it fails to deploy with the reason instead of running programs as itself;
 * and the server's data directory (sessions, the initial admin password) closed to other users, so that user
 * cannot read it.
 */
@Singleton
@Startup
public class ProgramIsolation {

    private static final Logger LOG = Logger.getLogger(ProgramIsolation.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Inject
    @ConfigProperty(name = ProgramUser.SETTING)
    Optional<String> userName;

    private ProgramUser user;

    @PostConstruct
    void check() {
        String name = userName.map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
        user = name == null ? ProgramUser.serverOwn() : ProgramUser.named(name);
        closeDataDirectory();
        if (name == null) {
            LOG.info("Prog services and program methods run as the server's own user: a Prog command can read the"
                    + " server's secrets (set " + ProgramUser.SETTING + " to an unprivileged user)");
        } else {
            LOG.info(() -> "Prog services and program methods run as user '" + name + "'");
        }
    }

    /** Who programs run as; checked at startup. */
    public ProgramUser user() {
        return user;
    }

    private static void closeDataDirectory() {
        String dir = System.getProperty("jboss.server.data.dir");
        if (dir == null) {
            return;
        }
        Path data = Path.of(dir);
        try {
            if (Files.isDirectory(data) && !Files.getPosixFilePermissions(data).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(data, OWNER_ONLY);
                LOG.info(() -> "Data directory " + data + " made readable by the server's user only");
            }
        } catch (UnsupportedOperationException e) {
            LOG.fine("no POSIX permissions on the data directory's file system");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the data directory " + data + " to its owner", e);
        }
    }
}
