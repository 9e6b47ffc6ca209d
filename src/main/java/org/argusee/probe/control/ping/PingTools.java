package org.argusee.probe.control.ping;

import java.nio.file.Path;
import org.argusee.probe.control.prog.ProgProcesses;

/**
 * The programs Ping runs: {@code fping}, which pings a whole batch of hosts in one process as the original did,
 * else the system's {@code ping}, one process per host. Either may be null (not installed).
 */
public record PingTools(Path fping, Path ping) {

    /** What this machine has, on the PATH or in the usual system directories. */
    public static PingTools find() {
        return new PingTools(
                ProgProcesses.find("fping").orElse(null),
                ProgProcesses.find("ping").orElse(null));
    }

    boolean none() {
        return fping == null && ping == null;
    }
}
