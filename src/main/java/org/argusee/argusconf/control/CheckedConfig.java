package org.argusee.argusconf.control;

import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.tree.control.TreeSnapshot;

/**
 * A configuration read, parsed and checked: the model, the rows an import would write, the tree those rows
 * make, and every diagnostic of every step (reading and parsing first, then checking, each in file order).
 */
public record CheckedConfig(ParsedConfig parsed, ConfigRows rows, TreeSnapshot tree, List<Diagnostic> diagnostics) {

    public CheckedConfig {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
