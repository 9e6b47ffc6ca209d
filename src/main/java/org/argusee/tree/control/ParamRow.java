package org.argusee.tree.control;

/** One row of the parameter table; {@code local} is the config's {@code key!: value}. */
public record ParamRow(long objectId, String key, String value, boolean local, int position) {}
