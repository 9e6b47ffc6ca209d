package org.argusee.argusconf.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Paths inside a configuration, always root-relative with {@code /}: what diagnostics show and what an
 * upload's entries are named. Normalising here, on text, is what keeps includes inside the root for
 * uploads; the disk store checks real paths as well, for symbolic links.
 */
final class ConfigPaths {

    private ConfigPaths() {}

    /**
     * {@code name} relative to the root (includes too, from whichever file: as Argus 3.7 opens them), {@code .} and
     * {@code ..} resolved; empty if it leaves the root or is absolute.
     */
    static Optional<String> resolve(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** The original's directory rule: editor backups, hidden files and CVS droppings are not config. */
    static boolean skipped(String fileName) {
        return fileName.startsWith(".")
                || fileName.startsWith("#")
                || fileName.startsWith("CVS")
                || fileName.endsWith("~")
                || fileName.endsWith(".bkp");
    }
}
