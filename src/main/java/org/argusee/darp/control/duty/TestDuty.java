package org.argusee.darp.control.duty;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.argusee.darp.control.duty.Duty.Reason;

/**
 * Does this server test an object? The original's {@code monitored_here}:
 * <ul>
 * <li>{@code none}: yes;</li>
 * <li>{@code distributed}, {@code redundant}: when this server is in the object's {@code darp_tags};</li>
 * <li>{@code failover}: when it is in {@code darp_tags} and either is a master or has lost every master.</li>
 * </ul>
 * A server with no DARP peers tests everything, as the original does without DARP: a lone server that imports a
 * config written for a DARP network must not leave its distributed objects untested.
 */
public final class TestDuty {

    private TestDuty() {}

    /**
     * @param here      this server and the peers it has configured
     * @param mastersUp tags of the masters this server is connected to now; others are ignored
     */
    public static Duty decide(DarpParameters object, DarpTopology here, Set<String> mastersUp) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(here, "here");
        Objects.requireNonNull(mastersUp, "mastersUp");
        if (!here.hasPeers()) {
            return new Duty(true, Reason.NO_PEERS, "no DARP peers: tested here");
        }
        DarpMode mode = object.mode();
        if (mode == DarpMode.NONE) {
            return new Duty(true, Reason.MODE_NONE, "darp_mode none: tested here");
        }
        String tags = "darp_mode " + mode.label() + ", darp_tags '" + object.tags() + "'";
        if (!object.tags().includes(here.self(), here)) {
            return new Duty(false, Reason.NOT_TAGGED, tags + " does not name '" + here.self() + "': not tested here");
        }
        if (mode != DarpMode.FAILOVER) {
            return new Duty(true, Reason.TAGGED, tags + " names '" + here.self() + "': tested here");
        }
        if (here.isMaster()) {
            return new Duty(true, Reason.FAILOVER_MASTER, tags + ", this server is a master: tested here");
        }
        Set<String> up = new TreeSet<>(mastersUp);
        up.retainAll(here.masters());
        if (up.isEmpty()) {
            return new Duty(
                    true,
                    Reason.FAILOVER_TAKEOVER,
                    tags + ", every master is down (" + String.join(", ", here.masters())
                            + "): tested here until one returns");
        }
        String masters =
                up.size() == 1 ? "master " + up.iterator().next() + " is" : "masters " + String.join(", ", up) + " are";
        return new Duty(false, Reason.FAILOVER_STANDBY, tags + ", " + masters + " up: standing by");
    }
}
