package org.argusee.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Debian packages a group of tests needs. A fresh CI machine (a Debian container running as root) may lack them:
 * then they are installed once per test run with apt-get; anywhere else the tests fail saying what to install,
 * rather than pass without testing anything.
 */
final class AptPackages {

    private static final Logger LOG = Logger.getLogger(AptPackages.class.getName());

    private final List<String> packages;
    private final String forWhat;
    private boolean tried;

    AptPackages(String forWhat, String... packages) {
        this.forWhat = forWhat;
        this.packages = List.of(packages);
    }

    /** @throws IllegalStateException when {@code present} stays false and they cannot be installed here */
    synchronized void ensure(BooleanSupplier present) {
        if (present.getAsBoolean()) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!tried && root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            tried = true;
            LOG.info(forWhat + " need " + packages + ": installing them with apt-get");
            apt(List.of("update"));
            List<String> install = new ArrayList<>(List.of("install", "-y", "--no-install-recommends"));
            install.addAll(packages);
            apt(install);
        }
        if (!present.getAsBoolean()) {
            throw new IllegalStateException(forWhat + " need the Debian packages " + String.join(" ", packages)
                    + ": apt-get install -y " + String.join(" ", packages) + " (as root)");
        }
    }

    private void apt(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("apt-get"));
        command.addAll(arguments);
        String line = String.join(" ", command);
        try {
            File log = File.createTempFile("argus-apt-get", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(line + " did not finish in 10 minutes; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(line + " failed (exit " + p.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + line, e);
        }
    }
}
