package org.argusee.argusconf.control.model;

/** A line kept as written, such as {@code sat => mail:x} in a schedule block. */
public record ParsedLine(String text, Location location) {}
