package org.argusee.status.boundary;

import java.time.Instant;

/** One entry of an object's transition log: what it showed before ({@code from}, null if unknown) and after. */
public record TransitionView(long id, Instant at, String from, String to, String severity, String reason) {}
