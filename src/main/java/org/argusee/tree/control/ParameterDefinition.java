package org.argusee.tree.control;

import java.util.List;
import java.util.Set;

/**
 * One line of Argus 3.7's parameter list: a parameter as one class of the original understands it. The same
 * name can appear once per context with different attributes, so a definition is never looked at alone; see
 * {@link ParameterCatalog} for how they combine.
 *
 * @param attributes   e.g. inherit, bool, timespec, top, acl, sched, deprecated, multi, not-currently-implemented
 * @param values       the allowed values ({@code vals:}), empty if the value is free
 * @param defaultValue null if none
 * @param context      the "used in" text, e.g. {@code MonEl (notify)}, {@code TCP}, {@code DARP::Slave (darps)}
 * @param since        the Argus version that added it, null if none given
 */
public record ParameterDefinition(
        String name,
        String description,
        Set<String> attributes,
        List<String> values,
        String defaultValue,
        String context,
        String since) {

    public ParameterDefinition {
        attributes = Set.copyOf(attributes);
        values = List.copyOf(values);
    }

    public boolean inherited() {
        return attributes.contains("inherit");
    }

    public boolean bool() {
        return attributes.contains("bool");
    }

    public boolean timespec() {
        return attributes.contains("timespec");
    }

    public boolean deprecated() {
        return attributes.contains("deprecated");
    }

    /** Only meaningful at the top of the tree ({@code attr: top}). */
    public boolean topOnly() {
        return attributes.contains("top");
    }
}
