package org.argusee.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged user the isolation tests run Prog commands as ({@code argus.prog.user}), the one the quick start
 * makes: created here when missing and the tests run as root (as CI does), since a user is no download. Without
 * root and without the user, the tests fail and say what is needed; they never skip.
 */
public final class ProgAccount {

    public static final String NAME = "argus-prog";

    private ProgAccount() {}

    /** The user's uid, creating the user first when it is missing. */
    public static synchronized long ensure() {
        String uid = run(List.of("id", "-u", NAME));
        if (uid != null) {
            return Long.parseLong(uid);
        }
        if (!"0".equals(run(List.of("id", "-u")))) {
            throw new IllegalStateException("the Prog isolation tests need a user " + NAME + " (as root: useradd"
                    + " --system --no-create-home --shell /usr/sbin/nologin " + NAME + "), or to run as root");
        }
        if (run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME)) == null
                && run(List.of("id", "-u", NAME)) == null) {
            throw new IllegalStateException("useradd " + NAME + " failed");
        }
        return Long.parseLong(run(List.of("id", "-u", NAME)));
    }

    /** The command's output, stripped, or null when it failed. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
