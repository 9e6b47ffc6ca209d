package org.argusee.platform.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A user as the system's user database knows it ({@code getent passwd}, so LDAP or sssd users count too). */
record PasswdEntry(String name, long uid, long gid, String home) {

    static Optional<PasswdEntry> find(String name) {
        try {
            Process p = new ProcessBuilder("getent", "passwd", name)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String line = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return parse(line);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** name:password:uid:gid:gecos:home:shell */
    static Optional<PasswdEntry> parse(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 7 || !f[2].matches("\\d{1,10}") || !f[3].matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(new PasswdEntry(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[5]));
    }
}
