package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.Location;

/**
 * Collects diagnostics up to a cap. Past it only the counts go on, so garbage input costs no memory, and the
 * list ends with one line saying how many more there were; that line is an ERROR if any dropped or kept
 * diagnostic was, so a capped list never looks cleaner than the config is.
 */
final class DiagnosticLog {

    private final int max;
    private final List<Diagnostic> kept = new ArrayList<>();
    private int dropped;
    private boolean errors;

    DiagnosticLog(int max) {
        this.max = max;
    }

    void error(Location at, String message) {
        add(Diagnostic.error(at, message));
    }

    void warning(Location at, String message) {
        add(Diagnostic.warning(at, message));
    }

    void add(Diagnostic d) {
        errors |= d.isError();
        if (kept.size() < max) {
            kept.add(d);
        } else {
            dropped++;
        }
    }

    List<Diagnostic> list() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        List<Diagnostic> all = new ArrayList<>(kept);
        Diagnostic last = kept.get(kept.size() - 1);
        all.add(new Diagnostic(
                errors ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                last.file(),
                last.line(),
                dropped + " more diagnostics not shown"));
        return List.copyOf(all);
    }
}
