package org.argusee.darp.boundary;

import java.time.Instant;
import java.util.List;

/** Every server's view of one object: this server's own, then each slave's last report (or unknown). */
public record ServerStatusView(String object, List<Row> servers) {

    /** One server's view; {@code status} up, down or unknown (never reported, or not checked yet). */
    public record Row(String tag, boolean self, boolean connected, String status, String severity, String reason,
                      boolean override, Instant reportedAt) {
    }
}
