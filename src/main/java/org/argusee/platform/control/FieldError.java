package org.argusee.platform.control;

/**
 * One field a request got wrong and what is wrong with it: the {@code errors} of a problem+json answer. Kept
 * here, beside {@link ArgusException}, so that the components below the REST layer can name fields at fault
 * without knowing how the answer is written.
 */
public record FieldError(String field, String message) {}
