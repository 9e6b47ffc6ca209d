package org.argusee.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.argusee.probe.control.ping.PingTools;

/**
 * The ping tests need {@code fping} and {@code ping}. A fresh CI machine (a Debian container running as root) may
 * lack them: then they are installed once per test run with apt-get; anywhere else the tests fail saying what to
 * install, rather than pass without testing anything.
 */
public final class PingPrerequisites {

    private static final Logger LOG = Logger.getLogger(PingPrerequisites.class.getName());
    private static final String PACKAGES = "fping iputils-ping";
    private static boolean tried;

    private PingPrerequisites() {
    }

    /** @throws IllegalStateException when they are missing and cannot be installed here */
    public static synchronized void ensureInstalled() {
        if (present()) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!tried && root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            tried = true;
            LOG.info("fping or ping missing: apt-get install -y " + PACKAGES);
            run(List.of("apt-get", "update"));
            run(List.of("apt-get", "install", "-y", "fping", "iputils-ping"));
        }
        if (!present()) {
            throw new IllegalStateException("the ping tests need fping and ping: apt-get install -y " + PACKAGES
                    + " (as root)");
        }
    }

    private static boolean present() {
        PingTools tools = PingTools.find();
        return tools.fping() != null && tools.ping() != null;
    }

    private static void run(List<String> command) {
        try {
            File log = File.createTempFile("argus-apt-get", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes; see "
                        + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue()
                        + "); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + PACKAGES, e);
        }
    }
}
