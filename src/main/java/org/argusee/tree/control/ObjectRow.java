package org.argusee.tree.control;

/**
 * One row of the object table as read from the database, before any checking: the parent may be missing,
 * the type unparsable, the alias target gone. {@link TreeSnapshot#build} sorts that out.
 */
public record ObjectRow(
        long id, Long parentId, ObjectKind kind, String name, String type, String aliasTarget, int position) {}
