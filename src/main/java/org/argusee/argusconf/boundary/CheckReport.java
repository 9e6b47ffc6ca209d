package org.argusee.argusconf.boundary;

import java.util.List;
import java.util.Map;

/**
 * The syntax check of a configuration: every error and warning at once, and what it would create; {@code layout}
 * says how an archive was read (a config directory, or which main file with its includes).
 */
public record CheckReport(
        boolean ok,
        int errors,
        int warnings,
        Map<String, Long> objects,
        List<DiagnosticView> diagnostics,
        String layout) {}
