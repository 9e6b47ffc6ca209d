package org.argusee.tree.control;

/**
 * Something wrong in the stored tree that the snapshot worked around.
 *
 * @param object  full name of the object, or {@code #<id>} when it is not in the tree
 * @param field   what is wrong: {@code type}, {@code parent}, {@code name}, {@code target}, {@code kind},
 *                {@code parameters.<key>}
 * @param message for a person
 */
public record ConfigProblem(String object, String field, String message) {}
