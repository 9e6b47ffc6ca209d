package org.argusee.darp.control.link;

import java.time.Instant;

/**
 * A slave's view of its link to the master, for the API and tests. {@code state}: stopped, connecting,
 * connected, down; {@code reason}: why it is down; {@code lastAcked}: the highest report number confirmed.
 */
public record LinkState(
        String state,
        Instant since,
        String reason,
        String master,
        long lastAcked,
        int pending,
        String configVersion,
        int connections) {

    public boolean connected() {
        return "connected".equals(state);
    }
}
