package org.argusee.darp.boundary;

import java.time.Instant;

/** How a slave's last connection to this master ended, for the API; also kept in darp_link across restarts. */
record StreamEnded(Instant at, String reason, Instant lastHeard) {}
