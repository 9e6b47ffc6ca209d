package org.argusee.tree.boundary;

import org.argusee.platform.control.ArgusException;
import org.argusee.tree.control.ObjectVersion;
import org.argusee.tree.entity.MonitoredObject;

/** The If-Match check of an edit, against the row as locked for the write (not the snapshot, which may lag). */
final class Versions {

    private Versions() {}

    /**
     * @param expected the version the client edited (an ETag: quotes and a weak prefix are ignored; {@code *} or
     *                 null means the client asks for no check, as scripts written before versions did)
     */
    static void check(MonitoredObject object, String fullName, String expected) {
        String wanted = bare(expected);
        if (wanted == null || wanted.equals("*")) {
            return;
        }
        String current = of(object);
        if (!current.equals(wanted)) {
            throw new ArgusException.Stale(
                    "version",
                    "'" + fullName + "' was changed by someone else after you loaded it (you edited version " + wanted
                            + ", it is now " + current + "): reload it and make your change again");
        }
    }

    static String of(MonitoredObject o) {
        return ObjectVersion.of(o.kind(), o.name(), o.type(), o.aliasTarget(), o.parentId(), o.ownParameters());
    }

    private static String bare(String etag) {
        if (etag == null || etag.isBlank()) {
            return null;
        }
        String v = etag.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }
}
