package org.argusee.status.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One object's status in full. {@code status} is its own (up, down, unknown), {@code displayStatus} what it
 * shows (up, down, override, depends, unknown) with {@code severity}; {@code ownSeverity} the severity of its own
 * down state. For a service, {@code result}, {@code checkedAt} and {@code elapsedMs} are from its last probe,
 * {@code failures} counts its failures in a row (retries under way while it is still up) and {@code lastFailure}
 * says why the last probe failed. {@code dependsOn} names the dependency that makes it show depends;
 * {@code ancestorOverride} the nearest ancestor under an override; {@code counts} (groups) how many services
 * under it show what.
 */
public record StatusDetail(
        String fullName,
        String kind,
        String status,
        String displayStatus,
        String severity,
        String ownSeverity,
        String reason,
        String result,
        Instant since,
        Instant checkedAt,
        Double elapsedMs,
        Integer failures,
        String lastFailure,
        String dependsOn,
        List<DependencyView> depends,
        OverrideView override,
        String ancestorOverride,
        Map<String, Integer> counts) {

    /** An object named in {@code depends}, with its own status. */
    public record DependencyView(String fullName, String status) {}
}
