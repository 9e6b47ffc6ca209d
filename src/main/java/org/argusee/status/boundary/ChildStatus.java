package org.argusee.status.boundary;

import java.time.Instant;
import java.util.Map;

/** A child (or an object of the overview) in short: what it shows, since when, and for a group its counts. */
public record ChildStatus(
        String fullName,
        String name,
        String kind,
        String status,
        String displayStatus,
        String severity,
        Instant since,
        boolean overridden,
        Map<String, Integer> counts) {}
