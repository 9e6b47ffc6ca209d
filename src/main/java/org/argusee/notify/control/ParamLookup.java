package org.argusee.notify.control;

import java.util.Optional;
import org.argusee.status.control.Severity;
import org.argusee.tree.control.BooleanValue;

/** An object's effective parameters (with inheritance), as the notification rules read them. */
@FunctionalInterface
public interface ParamLookup {

    Optional<String> get(String key);

    /** The original's value_at_severity: {@code key.<severity>}, else {@code key}. */
    default Optional<String> atSeverity(String key, Severity severity) {
        Optional<String> specific = get(key + "." + severity.label());
        return specific.isPresent() ? specific : get(key);
    }

    /** A yes/no parameter; a value that is no boolean counts as absent. */
    default Optional<Boolean> flag(String key, Severity severity) {
        return atSeverity(key, severity).filter(BooleanValue::isValid).map(BooleanValue::parse);
    }
}
