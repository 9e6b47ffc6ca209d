package org.argusee.argusconf.boundary;

import java.util.List;

/** What an import did (or, for a dry run, would do) to the tree under {@code root}. */
public record ImportReport(String mode, String root, boolean dryRun, boolean applied, List<String> added,
                           List<String> changed, List<String> removed, int unchanged, List<DiagnosticView> warnings) {
}
