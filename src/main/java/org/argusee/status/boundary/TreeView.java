package org.argusee.status.boundary;

import java.util.List;

/** A subtree, nested, for clients that draw the whole tree at once. */
public record TreeView(
        String fullName, String name, String kind, String type, String label, String status, List<TreeView> children) {}
