package org.argusee.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.argusee.probe.control.ping.PingTools;

/**
 * The network the ping tests ping in: the real {@code fping} and {@code ping}, each run started in a network
 * namespace of its own (through a small wrapper script) that holds only {@code lo}, so 127.0.0.0/8 answers, and a
 * veth device with ARP off holding 198.51.100.254/24, which drops every packet sent to the rest of that TEST-NET-2
 * range: {@link #SILENT_HOST} is a host that never answers, and nothing leaves this machine. A real network is no
 * use here: a router may answer a TEST-NET address with an ICMP error at once, and the rule is that no test
 * sends a packet off the machine anyway.
 *
 * <p>The wrapper keeps the process: {@code exec unshare -n sh -c '... exec fping "$@"'} (no fork), so the PID a
 * test records is fping's own. Root gets the namespace directly; another user through {@code unshare -r}, which
 * needs unprivileged user namespaces. Where neither works the tests fail saying so, rather than skip. The veth
 * pair stands in for a dummy device because some kernels (containers) lack the dummy module; veth is everywhere.
 */
public final class SilentNetwork {

    /** An address in the namespace's silent range: packets to it vanish, no ICMP error comes back. */
    public static final String SILENT_HOST = "198.51.100.1";

    private static final String SETUP = "ip link set lo up"
            + " && ip link add argus-silent type veth peer name argus-sink"
            + " && ip link set argus-silent arp off"
            + " && ip addr add 198.51.100.254/24 dev argus-silent"
            + " && ip link set argus-sink up && ip link set argus-silent up";
    private static final String ADVICE = "The ping tests run fping and ping in a network namespace of their own,"
            + " where " + SILENT_HOST + " never answers (see README, Tests). That needs unshare (util-linux) and ip"
            + " (iproute2), and root or unprivileged user namespaces: `unshare -rn true` must work (sysctl"
            + " kernel.unprivileged_userns_clone=1; on Ubuntu also kernel.apparmor_restrict_unprivileged_userns=0)."
            + " Or run the tests as root, e.g. through .ci/run.";

    private static PingTools tools;

    private SilentNetwork() {}

    /**
     * fping and ping, each run in a fresh namespace with the silent host.
     *
     * @throws IllegalStateException when they are missing or the namespace cannot be made here
     */
    public static synchronized PingTools tools() {
        if (tools == null) {
            PingPrerequisites.ensureInstalled();
            PingTools real = PingTools.find();
            try {
                Path dir = Files.createTempDirectory("argus-silent-net");
                dir.toFile().deleteOnExit();
                PingTools wrapped = new PingTools(wrapper(dir, real.fping()), wrapper(dir, real.ping()));
                check(wrapped.fping());
                tools = wrapped;
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the silent network's wrapper scripts", e);
            }
        }
        return tools;
    }

    private static Path wrapper(Path dir, Path program) throws IOException {
        Path script = dir.resolve(program.getFileName());
        Files.writeString(
                script,
                "#!/bin/sh\n"
                        + "# " + program + " in a network namespace of its own: lo, and " + SILENT_HOST
                        + " that never answers\n"
                        + "PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH\n"
                        + "if [ \"$(id -u)\" = 0 ]; then user=; else user=-r; fi\n"
                        + "exec unshare $user -n /bin/sh -c '" + SETUP + " && exec \"$0\" \"$@\"' " + program
                        + " \"$@\"\n",
                StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        script.toFile().deleteOnExit();
        return script;
    }

    /** Loopback answers and the silent host stays silent: no ICMP error, no complaint from the set-up. */
    private static void check(Path fping) throws IOException {
        List<String> command = List.of(fping.toString(), "-4", "-e", "-r", "0", "-t", "500", "127.0.0.1", SILENT_HOST);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the silent network's check did not end in 20 s: " + command);
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the silent network", e);
        }
        boolean fine = out.contains("127.0.0.1 is alive")
                && out.contains(SILENT_HOST + " is unreachable")
                && out.lines().count() == 2;
        if (!fine) {
            throw new IllegalStateException(ADVICE + " The check (" + String.join(" ", command) + ") said: " + out);
        }
    }
}
