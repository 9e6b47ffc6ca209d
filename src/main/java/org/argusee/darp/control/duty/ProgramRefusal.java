package org.argusee.darp.control.duty;

import java.util.Optional;
import org.argusee.probe.control.MonitorRoute;
import org.argusee.tree.control.ServiceType;

/**
 * Whether a slave refuses a service its master serves because it would run a program on the slave (issue 15,
 * finding 1): a {@code Prog} service is a shell command, so whoever controls the master, or a plain-HTTP link to
 * it, could run anything on every slave. Only {@code Prog} starts a program of the config's choosing: Ping runs
 * fping or ping with an argument list (no shell), and the other monitors run no program.
 */
public final class ProgramRefusal {

    /** The setting that lets a slave run its master's programs. */
    public static final String SETTING = "argus.darp.allow-programs";

    private ProgramRefusal() {}

    /**
     * @param slave   true if this server has a master (its tree is the master's)
     * @param allowed the slave's {@link #SETTING}
     */
    public static Optional<String> of(ServiceType type, boolean slave, boolean allowed) {
        if (!slave || allowed || !MonitorRoute.PROG.takes(type)) {
            return Optional.empty();
        }
        return Optional.of("refused on this slave: a " + type.base() + " service from the DARP master runs a local"
                + " command (set " + SETTING + "=true on the slave to allow it)");
    }
}
