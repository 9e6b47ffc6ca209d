package org.argusee.status.boundary;

import java.time.Instant;

/** A note a user left on an object, and when. */
public record AnnotationView(long id, String user, String text, Instant at) {}
