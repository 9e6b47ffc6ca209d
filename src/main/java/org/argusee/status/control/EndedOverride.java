package org.argusee.status.control;

/** An override the status component ended by itself ("expired", "object is up"), to be removed from storage. */
public record EndedOverride(long objectId, UserOverride override, String why) {}
