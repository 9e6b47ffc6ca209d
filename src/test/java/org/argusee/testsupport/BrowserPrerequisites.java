package org.argusee.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The browser tests drive Debian's chromium through its chromium-driver (same version), never a browser or driver
 * that Selenium would download. They fail saying what to install when either is missing; like the ping tests they
 * install nothing themselves (tests send nothing off this machine): {@code .ci/run} installs both before it cuts
 * the network.
 */
public final class BrowserPrerequisites {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private BrowserPrerequisites() {}

    /** @throws IllegalStateException when either is missing */
    public static void ensureInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (as root; .ci/run does it)");
        }
    }
}
