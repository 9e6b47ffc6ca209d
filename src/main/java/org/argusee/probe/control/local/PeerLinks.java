package org.argusee.probe.control.local;

/**
 * This server's links to its DARP peers, as {@code DARP/Watch} sees them. Defined here so the monitor needs no
 * DARP classes; DARP implements it.
 */
public interface PeerLinks {

    /** A server with no DARP at all: every tag is unknown. */
    PeerLinks NONE = (tag, role) -> PeerLink.unknown("no DARP peer '" + tag + "' (DARP is not running here)");

    /**
     * @param tag  the peer's tag, compared exactly
     * @param role which kind of peer to look for: {@code slave} (a slave of this server), {@code master}, or null
     *             for either
     */
    PeerLink link(String tag, String role);

    /**
     * @param known  the tag is a configured peer of the role asked for
     * @param up     connected and alive now
     * @param reason why it is not up (unknown, never connected, the link's down reason); null when up
     */
    record PeerLink(boolean known, boolean up, String reason) {

        public static PeerLink connected() {
            return new PeerLink(true, true, null);
        }

        public static PeerLink down(String reason) {
            return new PeerLink(true, false, reason);
        }

        public static PeerLink unknown(String reason) {
            return new PeerLink(false, false, reason);
        }
    }
}
