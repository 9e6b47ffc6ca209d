package org.argusee.darp.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Every server's view of one object: this server's own, then each other server that reported it or that its
 * tags name (unknown until it reports); and, for a service, the status they give together on this server.
 *
 * @param combined null for an object that is not a service
 * @param peers    this server has DARP peers; without any the view has one row, its own, and pages leave it out
 */
public record ServerStatusView(String object, Combined combined, List<Row> servers, boolean peers) {

    /**
     * One server's view; {@code status} up, down or unknown (never reported, or not checked yet). For this
     * server ({@code self}) it is its own result, before combining; {@code reportedAt} is then its last check, and a
     * service it has no result for says why in {@code reason} when it does not test it (standing by, not tagged).
     * {@code counted}: the combined status counts this row (ietf counts only servers connected now).
     */
    public record Row(
            String tag,
            boolean self,
            boolean connected,
            String status,
            String severity,
            String reason,
            boolean override,
            Instant reportedAt,
            boolean counted) {}

    /**
     * What the servers' views give together here ({@code darp.control.combine.ReportCombiner}).
     *
     * @param status         up or down
     * @param override       down only through overrides: shown as override
     * @param basis          own_result, gravity, quorum_not_met or recovery_quorum_not_met
     * @param explanation    one sentence: mode, gravity, counts, quorums
     * @param failingWhileUp servers that report it down or overridden while it is up together
     */
    public record Combined(
            String status,
            String severity,
            boolean override,
            String basis,
            String explanation,
            List<String> failingWhileUp) {}
}
