package org.argusee.notify.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.argusee.status.control.DisplayStatus;
import org.argusee.status.control.Severity;

/**
 * The original's audit channel (Notify.pm with {@code audit}, MonEl transition_propagate): every change of what an
 * object shows or of its severity, override and depends included, goes to the {@code notifyaudit} destinations as
 * "audit: up/clear -> down/critical", acknowledged at once (no renotify, no escalation). {@code sendnotify}
 * applies as for the transitions told. The first status of an object (nothing shown before) is no change.
 *
 * @param detail the original's %A: "before -> now", each "shown/severity"
 */
public record Audit(String detail, String format, List<Destination> destinations) {

    public static final String PARAM = "notifyaudit";

    public static Optional<Audit> of(
            DisplayStatus previous, DisplayStatus shown, boolean service, ParamLookup p, Set<String> methods) {
        if (previous == null
                || shown == null
                || (previous.state() == shown.state() && previous.severity() == shown.severity())) {
            return Optional.empty();
        }
        Optional<String> to = p.get(PARAM).filter(v -> !v.isBlank());
        Severity sev = shown.severity();
        if (to.isEmpty() || !p.flag("sendnotify", sev).orElse(service)) {
            return Optional.empty();
        }
        List<Destination> destinations = Destination.parseAll(to.get(), methods);
        if (destinations.isEmpty()) {
            return Optional.empty();
        }
        String detail = label(previous) + " -> " + label(shown);
        return Optional.of(new Audit(detail, p.get("message_fmt").orElse(NotifyRules.DEFAULT_FORMAT), destinations));
    }

    /** The message, as the original's "audit: %A" with the detail in place. */
    public String message() {
        return "audit: " + detail;
    }

    private static String label(DisplayStatus s) {
        return s.state().label() + "/" + s.severity().label();
    }
}
