package org.argusee.tree.control;

/**
 * What {@link ParameterValidator} found wrong with one parameter. An ERROR refuses the value; a WARNING is
 * what the original only warned about (an unknown key, "typo?"), so the value is kept.
 */
public record ParameterIssue(Severity severity, String key, String message) {

    /** Nested so it is not taken for the status severities (clear ... critical) of the monitor. */
    public enum Severity {
        ERROR,
        WARNING
    }

    static ParameterIssue error(String key, String message) {
        return new ParameterIssue(Severity.ERROR, key, message);
    }

    static ParameterIssue warning(String key, String message) {
        return new ParameterIssue(Severity.WARNING, key, message);
    }
}
