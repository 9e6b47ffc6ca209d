package org.argusee.status.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * What an object shows. Up shows up whatever else holds. A down object under an override that has not expired
 * shows {@code override} with severity clear; else, when one of its {@code depends} objects is not up, it shows
 * {@code depends} with severity warning and names that object ({@code culprit}); else it shows down with its
 * own severity. Override goes before depends: it is a person's decision about this very object.
 */
public record DisplayStatus(DisplayState state, Severity severity, String culprit) {

    public DisplayStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param override          null when there is none
     * @param dependenciesNotUp full names of this object's {@code depends} objects that do not show up, in the
     *                          order of the parameter
     */
    public static DisplayStatus of(
            Status status,
            Severity severity,
            UserOverride override,
            Collection<String> dependenciesNotUp,
            Instant now) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dependenciesNotUp, "dependenciesNotUp");
        if (status == Status.UP) {
            return new DisplayStatus(DisplayState.UP, Severity.CLEAR, null);
        }
        if (override != null && override.activeAt(now)) {
            return new DisplayStatus(DisplayState.OVERRIDE, Severity.CLEAR, null);
        }
        if (!dependenciesNotUp.isEmpty()) {
            return new DisplayStatus(
                    DisplayState.DEPENDS,
                    Severity.WARNING,
                    dependenciesNotUp.iterator().next());
        }
        return new DisplayStatus(DisplayState.DOWN, severity, null);
    }

    public static DisplayStatus of(
            ServiceStatus status, UserOverride override, Collection<String> dependenciesNotUp, Instant now) {
        return of(status.status(), status.severity(), override, dependenciesNotUp, now);
    }
}
