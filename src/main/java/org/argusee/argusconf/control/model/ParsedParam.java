package org.argusee.argusconf.control.model;

/** A {@code key: value} line, value unescaped; {@code local} is the {@code key!: value} form. */
public record ParsedParam(String key, String value, boolean local, Location location) {}
