package org.argusee.probe.control.prog;

import java.util.Map;
import org.argusee.platform.control.ProgramUser;

/**
 * The environment of a {@code Prog} command: the server's own, as in the original, with its {@code ARGUS_PID}
 * (the server's process id, which the original's sample uses: {@code ps -p $ARGUS_PID -o vsz}) and
 * {@code ARGUS_DATA} (the server's data directory). Variables whose name says they hold a secret (the database
 * password, the DARP secret...) are removed: a command configured in the tree, possibly served by a DARP master,
 * has no business with them ({@link ProgramUser#environment}). With {@code argus.prog.user} the command cannot read
 * the data directory (the server keeps it to itself) nor the server's {@code /proc} files.
 */
public final class ProgEnvironment {

    private ProgEnvironment() {}

    /** @param dataDir the server's data directory, or null when it has none */
    public static Map<String, String> argus(String dataDir) {
        String pid = Long.toString(ProcessHandle.current().pid());
        return dataDir == null ? Map.of("ARGUS_PID", pid) : Map.of("ARGUS_PID", pid, "ARGUS_DATA", dataDir);
    }

    static void apply(Map<String, String> environment, Map<String, String> argus, ProgramUser user) {
        user.environment(environment);
        environment.putAll(argus);
    }
}
