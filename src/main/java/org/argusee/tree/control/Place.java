package org.argusee.tree.control;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a node sits: its name, the place of its parent, the hash of its full name. It does not know the parent's
 * children, so a node copied because its children changed keeps its place, and the nodes below it that did not
 * change keep pointing at it: this is what lets two snapshots share every untouched node (issue 17).
 */
final class Place {

    final Place parent;
    final String name;
    final long fullNameHash;

    private volatile String fullName;

    Place(Place parent, String name) {
        this.parent = parent;
        this.name = name;
        this.fullNameHash = parent == null ? FullNameIndex.hash("Top") : FullNameIndex.hash(parent.fullNameHash, name);
    }

    /** Built on first use: a deep tree would otherwise hold a long string per level. */
    String fullName() {
        String f = fullName;
        if (f == null) {
            Deque<String> names = new ArrayDeque<>();
            Place p = this;
            for (; p.parent != null && p.fullName == null; p = p.parent) {
                names.push(p.name);
            }
            StringBuilder b = new StringBuilder(p.parent == null ? "Top" : p.fullName);
            names.forEach(part -> b.append(':').append(part));
            f = b.toString();
            fullName = f;
        }
        return f;
    }

    /** Whether {@code text} is this full name, compared part by part from the end, without building it. */
    boolean hasFullName(String text) {
        int end = text.length();
        Place p = this;
        for (; p.parent != null; p = p.parent) {
            int start = end - p.name.length();
            if (start < 1 || text.charAt(start - 1) != ':' || !text.regionMatches(start, p.name, 0, p.name.length())) {
                return false;
            }
            end = start - 1;
        }
        return end == 3 && text.startsWith("Top");
    }
}
