package org.argusee.tree.boundary;

/** The body of PUT /objects/{name}/parameters/{key}. */
public record ParameterValue(String value, Boolean local) {}
