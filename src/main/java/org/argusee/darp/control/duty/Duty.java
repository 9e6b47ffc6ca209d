package org.argusee.darp.control.duty;

import java.util.Objects;

/**
 * Whether this server tests an object, and why, in words for the UI.
 *
 * @param test        true if this server runs the object's probes
 * @param reason      the rule that decided
 * @param explanation one sentence naming the mode, the tags and the servers involved
 */
public record Duty(boolean test, Reason reason, String explanation) {

    public enum Reason {
        /** This server has no DARP peers: it tests everything, as a server without DARP does. */
        NO_PEERS,
        /** {@code darp_mode: none}. */
        MODE_NONE,
        /** distributed or redundant, and this server is in {@code darp_tags}. */
        TAGGED,
        /** This server is not in {@code darp_tags}. */
        NOT_TAGGED,
        /** failover, in {@code darp_tags}, and this server is a master. */
        FAILOVER_MASTER,
        /** failover, in {@code darp_tags}, a slave whose masters are all down: it takes over. */
        FAILOVER_TAKEOVER,
        /** failover, in {@code darp_tags}, a slave with a master up: it stands by. */
        FAILOVER_STANDBY
    }

    public Duty {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }
}
