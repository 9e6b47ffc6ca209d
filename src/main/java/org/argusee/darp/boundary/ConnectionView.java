package org.argusee.darp.boundary;

import java.time.Instant;

/**
 * A DARP peer's link as the admin UI's DARP table and {@code darp_status} show it. {@code state}: connected, down
 * or never; {@code since}: when it got there; {@code reason}: why it is down; {@code lastSeq}: the last report
 * number applied (slaves on a master).
 */
public record ConnectionView(
        String tag,
        String role,
        String state,
        String address,
        Instant since,
        Instant lastHeard,
        Long lastSeq,
        String reason) {}
