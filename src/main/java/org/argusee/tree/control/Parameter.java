package org.argusee.tree.control;

/** A parameter as set on one object; {@code local} ({@code key!:}) keeps it from being inherited. */
public record Parameter(String key, String value, boolean local) {}
