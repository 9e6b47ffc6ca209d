package org.argusee.tree.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * An object's version for edits by two people at once: a digest of what an edit can change (kind, name, type,
 * alias target, parent, own parameters). The same content gives the same version whether read from a snapshot
 * or from the row locked for a write, and a change made by SQL or by an import changes it too, without a column
 * every writer would have to remember to bump. Position among siblings is left out: reordering is no conflict.
 */
public final class ObjectVersion {

    private static final Comparator<Parameter> ORDER =
            Comparator.comparing(Parameter::key).thenComparing(Parameter::local);

    private ObjectVersion() {}

    public static String of(TreeNode node) {
        return of(node.kind(), node.name(), node.type(), node.aliasTarget(), node.parentId(), node.ownParameters());
    }

    public static String of(
            ObjectKind kind, String name, String type, String target, Long parentId, Collection<Parameter> own) {
        StringBuilder b = new StringBuilder();
        field(b, kind.label());
        field(b, name);
        field(b, kind == ObjectKind.SERVICE ? type : null);
        field(b, kind == ObjectKind.ALIAS ? target : null);
        field(b, parentId == null ? null : parentId.toString());
        List<Parameter> sorted = own.stream().sorted(ORDER).toList();
        for (Parameter p : sorted) {
            field(b, p.key());
            field(b, p.local() ? "!" : "");
            field(b, p.value());
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Length-prefixed, so no value can imitate a field boundary. */
    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-|");
        } else {
            b.append(value.length()).append(':').append(value).append('|');
        }
    }
}
