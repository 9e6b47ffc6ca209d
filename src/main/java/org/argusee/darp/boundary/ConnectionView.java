package org.argusee.darp.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A DARP peer's link as the admin UI's DARP table and {@code darp_status} show it. {@code state}: connected, down
 * or never; {@code since}: when it got there; {@code reason}: why it is down; {@code lastSeq}: the last report
 * number applied (slaves on a master); {@code watches}: the {@code DARP/Watch} services that watch this peer, with
 * their status.
 */
public record ConnectionView(
        String tag,
        String role,
        String state,
        String address,
        Instant since,
        Instant lastHeard,
        Long lastSeq,
        String reason,
        List<PeerWatches.Watch> watches) {

    public ConnectionView {
        watches = watches == null ? List.of() : List.copyOf(watches);
    }

    /** Without watches yet: {@link PeerWatches#attach} adds them. */
    public ConnectionView(
            String tag,
            String role,
            String state,
            String address,
            Instant since,
            Instant lastHeard,
            Long lastSeq,
            String reason) {
        this(tag, role, state, address, since, lastHeard, lastSeq, reason, List.of());
    }

    ConnectionView withWatches(List<PeerWatches.Watch> found) {
        return new ConnectionView(tag, role, state, address, since, lastHeard, lastSeq, reason, found);
    }
}
