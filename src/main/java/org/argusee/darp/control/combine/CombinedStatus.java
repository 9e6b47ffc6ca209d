package org.argusee.darp.control.combine;

import java.util.List;
import java.util.Objects;
import org.argusee.status.control.Status;

/**
 * The master's combined view of one object.
 *
 * @param outcome        status, severity, and whether it shows override
 * @param basis          what decided it
 * @param counted        the reports that were counted, one per server, in tag order ({@code unknown} for a
 *                       server that never reported)
 * @param failingWhileUp servers whose report is down or override while the outcome is up, in tag order: the
 *                       UI shows them rather than letting the combined up hide them. Those counted; with the
 *                       own result (gravity self, say), every server in {@code darp_tags} that reported.
 * @param explanation    one sentence for the UI
 */
public record CombinedStatus(
        DarpOutcome outcome, Basis basis, List<DarpReport> counted, List<String> failingWhileUp, String explanation) {

    public CombinedStatus {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(explanation, "explanation");
        counted = List.copyOf(counted);
        failingWhileUp = List.copyOf(failingWhileUp);
    }

    public Status status() {
        return outcome.status();
    }

    /** True when some server reports a failure the combined status does not show. */
    public boolean hasFailingWhileUp() {
        return !failingWhileUp.isEmpty();
    }
}
