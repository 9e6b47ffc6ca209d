package org.argusee.tree.boundary;

import java.util.List;

/** Changes to an object; a field left out (null) stays as it is. {@code parameters} replaces all own ones. */
public record ObjectChange(String name, String type, String target, List<ParameterInput> parameters) {}
