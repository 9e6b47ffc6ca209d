package org.argusee.testsupport;

import org.argusee.probe.control.ping.PingTools;

/**
 * The ping tests need {@code fping} and {@code ping}. They fail saying what to install when either is missing,
 * rather than pass without testing anything. They do not install anything themselves: tests send nothing off this
 * machine, a package download included; {@code .ci/run} installs both before it cuts the network.
 */
public final class PingPrerequisites {

    private static final String PACKAGES = "fping iputils-ping";

    private PingPrerequisites() {}

    /** @throws IllegalStateException when either is missing */
    public static void ensureInstalled() {
        PingTools tools = PingTools.find();
        if (tools.fping() == null || tools.ping() == null) {
            throw new IllegalStateException("the ping tests need fping and ping: apt-get install -y " + PACKAGES
                    + " (as root; .ci/run does it)");
        }
    }
}
