package org.argusee.tree.control;

import java.util.Locale;

/** What an object of the tree is. The label is the spelling the database stores and Argus configs use. */
public enum ObjectKind {
    TOP("Top"),
    GROUP("Group"),
    HOST("Host"),
    SERVICE("Service"),
    ALIAS("Alias");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Case-insensitive, because Argus block keywords are ({@code group "x" {} works}). */
    public static ObjectKind fromLabel(String label) {
        if (label != null) {
            String wanted = label.strip().toLowerCase(Locale.ROOT);
            for (ObjectKind kind : values()) {
                if (kind.label.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown object kind '" + label + "': expected Top, Group, Host, Service or Alias");
    }
}
