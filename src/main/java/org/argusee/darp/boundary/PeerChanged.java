package org.argusee.darp.boundary;

import java.net.InetAddress;
import org.argusee.darp.control.login.AddressRules;

/**
 * A DARP peer was created, changed or deleted through the application (observe after success). The topology
 * ({@link DarpHere}) is read again whatever changed; what happens to the peer's logins and stream depends on
 * {@code access}, so that editing a label or a timeout never drops a connected slave. Changes made by plain SQL
 * take effect at the peer's next login.
 *
 * @param allowedAddresses the peer's address list after the change (for {@link Access#ADDRESSES})
 */
public record PeerChanged(String tag, Access access, String allowedAddresses) {

    /** What the change did to the peer's right to log in. */
    public enum Access {
        /** Only its description (label, URL, hidden, timeout): tokens and stream stay. */
        UNCHANGED,
        /** Its address list: tokens go; the stream stays if its address is still allowed. */
        ADDRESSES,
        /** Created, deleted, a new secret or role: tokens go and the stream closes, it must log in again. */
        REVOKED
    }

    static PeerChanged revoked(String tag) {
        return new PeerChanged(tag, Access.REVOKED, "");
    }

    /** Whether the change closes a connected slave's stream from {@code streamAddress}: it must log in again. */
    boolean dropsLinkFrom(String streamAddress) {
        return switch (access) {
            case UNCHANGED -> false;
            case REVOKED -> true;
            case ADDRESSES -> !stillAllowed(allowedAddresses, streamAddress);
        };
    }

    private static boolean stillAllowed(String allowed, String address) {
        try {
            return AddressRules.allows(allowed, InetAddress.getByName(address), AddressRules::resolve);
        } catch (java.net.UnknownHostException e) {
            return false; // a socket's address is a literal; anything else cannot be checked, so it goes
        }
    }
}
