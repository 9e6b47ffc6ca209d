package org.argusee.argusconf.control.model;

/** Where something was written: a root-relative file path and a 1-based line (0: the file as a whole). */
public record Location(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
