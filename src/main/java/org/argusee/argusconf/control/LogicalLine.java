package org.argusee.argusconf.control;

import org.argusee.argusconf.control.model.Location;

/**
 * One statement of a config: comment removed, continuation lines joined, trimmed, never empty. Escapes are
 * still as written ({@code \#}, {@code \n}); {@link Escapes#decode} applies them to the parts that are values.
 *
 * @param line the first physical line of the statement
 */
public record LogicalLine(String file, int line, String text) {

    public Location location() {
        return new Location(file, line);
    }
}
