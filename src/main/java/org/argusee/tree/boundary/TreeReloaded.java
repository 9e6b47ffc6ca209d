package org.argusee.tree.boundary;

import org.argusee.tree.control.TreeSnapshot;

/** A new snapshot of the tree is live (after an API write or an outside SQL change). */
public record TreeReloaded(TreeSnapshot previous, TreeSnapshot current) {}
