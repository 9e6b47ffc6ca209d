package org.argusee.tree.boundary;

/**
 * Fired when the tree was changed through the application; observers that run after commit see the new
 * snapshot. Changes made by plain SQL are found by TreeCache's poll instead.
 */
public record TreeChanged(String fullName, String what) {}
