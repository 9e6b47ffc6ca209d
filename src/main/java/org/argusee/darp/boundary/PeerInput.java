package org.argusee.darp.boundary;

import java.util.List;

/**
 * A DARP peer to create, or the fields to change (null: unchanged). {@code secret} is write-only: it is turned
 * into a verifier at once and never stored or shown.
 */
public record PeerInput(
        String tag,
        String role,
        List<String> allowedAddresses,
        String remoteUrl,
        String label,
        Boolean hidden,
        Integer timeoutSeconds,
        String secret) {

    @Override
    public String toString() {
        return "PeerInput[tag=" + tag + ", role=" + role + ", secret=" + (secret == null ? "unchanged" : "***") + "]";
    }
}
