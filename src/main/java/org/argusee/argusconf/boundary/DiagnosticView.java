package org.argusee.argusconf.boundary;

import org.argusee.argusconf.control.model.Diagnostic;

/** One error or warning about a configuration, where it is, as the original reported it. */
public record DiagnosticView(String severity, String file, int line, String message) {

    static DiagnosticView of(Diagnostic d) {
        return new DiagnosticView(d.severity().name().toLowerCase(), d.file(), d.line(), d.message());
    }
}
