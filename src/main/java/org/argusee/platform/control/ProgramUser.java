package org.argusee.platform.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The user that the programs of the configuration (Prog services, program notification methods) run as. A Prog
 * command is a shell on the server: run as the server's own user it can read {@code /proc/<server>/environ} (the
 * database password, the DARP secret) and the server's files. Named by {@code argus.prog.user}, an unprivileged
 * user runs them through {@code setpriv}; it cannot read another user's environ, nor files of mode 0600/0700.
 * Without the setting, programs run as the server's user, as in the original.
 */
public final class ProgramUser {

    public static final String SETTING = "argus.prog.user";
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL).*");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");

    private final PasswdEntry user; // null: the server's own
    private final List<String> prefix;

    private ProgramUser(PasswdEntry user, List<String> prefix) {
        this.user = user;
        this.prefix = prefix;
    }

    /** Programs run as the server's own user (no {@code argus.prog.user}). */
    public static ProgramUser serverOwn() {
        return new ProgramUser(null, List.of());
    }

    /**
     * Programs run as {@code name}; checked now by running {@code id -u} as that user, so a server that cannot switch
     * (not root, no setpriv, no such user) refuses to start rather than run programs as itself.
     *
     * @throws IllegalStateException naming the setting and what is wrong
     */
    public static ProgramUser named(String name) {
        if (!NAME.matcher(name).matches()) {
            throw refused(name, "is not a user name");
        }
        PasswdEntry entry = PasswdEntry.find(name)
                .orElseThrow(() -> refused(
                        name,
                        "no such user on this machine (create one: "
                                + "useradd --system --no-create-home --shell /usr/sbin/nologin " + name + ")"));
        long serverUid = serverUid();
        if (entry.uid() == 0 || entry.uid() == serverUid) {
            throw refused(
                    name,
                    "is " + (entry.uid() == 0 ? "root" : "the server's own user")
                            + ": programs would read the server's secrets; name an unprivileged user of their own");
        }
        Path setpriv = findSetpriv();
        List<String> prefix =
                List.of(setpriv.toString(), "--reuid=" + entry.uid(), "--regid=" + entry.gid(), "--init-groups", "--");
        ProgramUser user = new ProgramUser(entry, prefix);
        user.proveSwitch();
        return user;
    }

    /** The command line that runs {@code argv} as this user. */
    public List<String> command(List<String> argv) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(argv);
        return all;
    }

    /**
     * Prepares a program's environment: variables whose name says they hold a secret are removed (a command of the
     * configuration has no business with them); for a user of its own, USER, LOGNAME and HOME are that user's.
     */
    public void environment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> SECRET.matcher(name.toUpperCase(Locale.ROOT))
                .matches());
        if (user != null) {
            environment.put("USER", user.name());
            environment.put("LOGNAME", user.name());
            environment.put("HOME", user.home());
        }
    }

    /** Where the program starts: the server's directory, or for a user of its own its home (else /). */
    public java.io.File directory() {
        if (user == null) {
            return null;
        }
        Path home = Path.of(user.home());
        return (Files.isDirectory(home) ? home : Path.of("/")).toFile();
    }

    /** The user's name, or null when programs run as the server's user. */
    public String name() {
        return user == null ? null : user.name();
    }

    private void proveSwitch() {
        try {
            Process p = new ProcessBuilder(command(List.of("id", "-u")))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String out = new String(p.getInputStream().readNBytes(500), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw refused(user.name(), "switching to it did not finish within 10 s");
            }
            if (p.exitValue() != 0 || !out.equals(Long.toString(user.uid()))) {
                throw refused(
                        user.name(),
                        "this server cannot switch to it (it runs as uid " + serverUid()
                                + "; switching needs root or CAP_SETUID/CAP_SETGID): "
                                + out.lines().findFirst().orElse("exit " + p.exitValue()));
            }
        } catch (IOException e) {
            throw refused(user.name(), "cannot run setpriv: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(user.name(), "interrupted while checking the switch");
        }
    }

    private static Path findSetpriv() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, "setpriv");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(SETTING + " is set but setpriv (util-linux) is not installed: cannot run"
                + " programs as another user");
    }

    private static long serverUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static IllegalStateException refused(String name, String why) {
        return new IllegalStateException(SETTING + "=" + name + ": " + why);
    }
}
