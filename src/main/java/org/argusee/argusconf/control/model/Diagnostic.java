package org.argusee.argusconf.control.model;

/**
 * One finding about a configuration, with where it is. An ERROR means the config cannot be imported as it
 * stands; a WARNING is what the original only warned about (a typo'd key, data after a block) and imports.
 *
 * @param file root-relative path of the file, as the user named it
 * @param line 1-based line number; 0 when the finding is about the file or the source as a whole
 */
public record Diagnostic(Severity severity, String file, int line, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Diagnostic error(Location at, String message) {
        return new Diagnostic(Severity.ERROR, at.file(), at.line(), message);
    }

    public static Diagnostic warning(Location at, String message) {
        return new Diagnostic(Severity.WARNING, at.file(), at.line(), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code config:12: ERROR: unknown block keyword 'Gropu'}, the way compilers print it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + severity + ": " + message;
    }
}
