package org.argusee.tree.boundary;

/** Where to move an object: the full name of its new parent, and optionally its place among the children. */
public record MoveRequest(String parent, Integer position) {}
