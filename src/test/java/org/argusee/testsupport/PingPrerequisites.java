package org.argusee.testsupport;

import org.argusee.probe.control.PingTools;

/**
 * The ping tests need {@code fping} and {@code ping}. A fresh CI machine (a Debian container running as root) may
 * lack them: then they are installed once per test run with apt-get; anywhere else the tests fail saying what to
 * install, rather than pass without testing anything.
 */
public final class PingPrerequisites {

    private static final AptPackages PACKAGES = new AptPackages("the ping tests", "fping", "iputils-ping");

    private PingPrerequisites() {
    }

    /** @throws IllegalStateException when they are missing and cannot be installed here */
    public static void ensureInstalled() {
        PACKAGES.ensure(PingPrerequisites::present);
    }

    private static boolean present() {
        PingTools tools = PingTools.find();
        return tools.fping() != null && tools.ping() != null;
    }
}
