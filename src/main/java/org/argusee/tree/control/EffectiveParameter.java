package org.argusee.tree.control;

/** A parameter's value as an object sees it, with the full name of the object that set it. */
public record EffectiveParameter(String key, String value, String source) {}
