package org.argusee.probe.control.prog;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment of a {@code Prog} command: the server's own, as in the original, with its {@code ARGUS_PID}
 * (the server's process id, which the original's sample uses: {@code ps -p $ARGUS_PID -o vsz}) and
 * {@code ARGUS_DATA} (the server's data directory). Variables whose name says they hold a secret (the database
 * password, the DARP secret...) are removed: a command configured in the tree, possibly served by a DARP master,
 * has no business with them.
 */
public final class ProgEnvironment {

    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL).*");

    private ProgEnvironment() {}

    /** @param dataDir the server's data directory, or null when it has none */
    public static Map<String, String> argus(String dataDir) {
        String pid = Long.toString(ProcessHandle.current().pid());
        return dataDir == null ? Map.of("ARGUS_PID", pid) : Map.of("ARGUS_PID", pid, "ARGUS_DATA", dataDir);
    }

    static void apply(Map<String, String> environment, Map<String, String> argus) {
        environment.keySet().removeIf(name -> SECRET.matcher(name.toUpperCase(Locale.ROOT))
                .matches());
        environment.putAll(argus);
    }
}
