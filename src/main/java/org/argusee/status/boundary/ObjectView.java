package org.argusee.status.boundary;

import java.util.List;

/**
 * One object as the API shows it: its own parameters in the order written, its effective ones (with the object
 * each value comes from), its status and its children. {@code warnings} is only set in answers to a write. {@code version} changes with every
 * change of the object itself (not of its children or status); a write may send it back as If-Match.
 */
public record ObjectView(
        String fullName,
        String name,
        String kind,
        String type,
        String target,
        String label,
        String parent,
        int position,
        List<ParameterView> parameters,
        List<EffectiveParameterView> effectiveParameters,
        StatusView status,
        List<ChildView> children,
        List<String> warnings,
        String version) {

    public record ParameterView(String key, String value, boolean local) {}

    public record EffectiveParameterView(String key, String value, String source) {}

    public record ChildView(String fullName, String name, String kind, String type, String label, String status) {}
}
