package org.argusee.platform.boundary;

/**
 * Fired by {@link DatabaseState} when the database goes away or comes back, for components above the platform that
 * serve differently meanwhile (the status board shows live states while nothing can be stored).
 */
public record DatabaseAvailability(boolean available) {}
