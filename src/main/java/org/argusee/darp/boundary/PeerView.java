package org.argusee.darp.boundary;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.argusee.darp.entity.DarpPeer;

/** A DARP peer as the API shows it; whether a secret is set, never the secret or its verifier. */
public record PeerView(
        String tag,
        String role,
        List<String> allowedAddresses,
        String remoteUrl,
        String label,
        boolean hidden,
        int timeoutSeconds,
        boolean secretSet,
        Instant createdAt,
        Instant updatedAt) {

    static PeerView of(DarpPeer p) {
        List<String> addresses = Arrays.stream(p.allowedAddresses().split("[\\s,]+"))
                .filter(a -> !a.isEmpty())
                .toList();
        return new PeerView(
                p.tag(),
                p.role(),
                addresses,
                p.remoteUrl(),
                p.label(),
                p.hidden(),
                p.timeoutSeconds(),
                p.hasSecret(),
                p.createdAt(),
                p.updatedAt());
    }
}
