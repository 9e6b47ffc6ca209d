package org.argusee.status.boundary;

/** The body of POST /status/{fullName}/annotations. */
public record AnnotationInput(String text) {}
