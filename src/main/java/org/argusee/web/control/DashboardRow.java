package org.argusee.web.control;

import java.time.Instant;
import java.util.Map;

/**
 * One object as the dashboard lists it (the contract's ROW, docs/design/80-web.md). {@code counts} only for
 * groups, hosts and Top; {@code severity} null while unknown.
 */
public record DashboardRow(
        String fullName,
        String name,
        String kind,
        String type,
        String status,
        String displayStatus,
        String severity,
        String reason,
        Instant since,
        Instant checkedAt,
        Map<String, Integer> counts,
        boolean hasChildren) {}
