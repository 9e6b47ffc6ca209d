package org.argusee.darp.boundary;

import java.util.Arrays;
import java.util.List;
import org.argusee.darp.control.ScramVerifier;
import org.argusee.darp.entity.DarpPeer;

/**
 * What of a peer decides who may log in as it (role, address list, secret verifier), taken before a change, so
 * that the change can say whether the peer's logins and stream must go ({@link PeerChanged.Access}). A label or a
 * timeout edit leaves a connected slave connected; the same address list written in another order or spacing, or
 * the same secret set again, counts as no change.
 */
record PeerAccess(String role, List<String> addresses, String verifier) {

    static PeerAccess of(DarpPeer peer) {
        return new PeerAccess(peer.role(), addresses(peer.allowedAddresses()), peer.secretVerifier());
    }

    /** The change from this state to the peer's present one. */
    PeerChanged changeTo(DarpPeer now) {
        PeerAccess after = of(now);
        PeerChanged.Access access;
        if (!role.equals(after.role) || !java.util.Objects.equals(verifier, after.verifier)) {
            access = PeerChanged.Access.REVOKED;
        } else if (!addresses.equals(after.addresses)) {
            access = PeerChanged.Access.ADDRESSES;
        } else {
            access = PeerChanged.Access.UNCHANGED;
        }
        return new PeerChanged(now.tag(), access, now.allowedAddresses());
    }

    /**
     * Whether the stored verifier was made from {@code secret} with at least today's iteration count, so setting it
     * again would change nothing but the salt (and drop the slave for no reason).
     */
    boolean holds(String secret) {
        if (verifier == null) {
            return false;
        }
        try {
            ScramVerifier v = ScramVerifier.parse(verifier);
            return v.iterations() >= ScramVerifier.DEFAULT_ITERATIONS && v.matches(secret);
        } catch (IllegalArgumentException e) {
            return false; // unreadable: replace it
        }
    }

    private static List<String> addresses(String text) {
        return Arrays.stream(text.split("[\\s,]+"))
                .filter(a -> !a.isEmpty())
                .sorted()
                .distinct()
                .toList();
    }
}
