package org.argusee.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The browser tests drive Debian's chromium through its chromium-driver (same version), never a browser or driver
 * that Selenium would download.
 */
public final class BrowserPrerequisites {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final AptPackages PACKAGES = new AptPackages("the browser tests", "chromium", "chromium-driver");

    private BrowserPrerequisites() {
    }

    /** @throws IllegalStateException when they are missing and cannot be installed here */
    public static void ensureInstalled() {
        PACKAGES.ensure(() -> Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
    }
}
