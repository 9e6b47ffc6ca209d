package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.List;

/**
 * One parameter set or removed in a list of own parameters, as the entity does it (an existing key in the same
 * form keeps its place, a new one goes last), for previews worked out before anything is written.
 */
public final class ParameterEdits {

    private ParameterEdits() {}

    public static List<Parameter> with(List<Parameter> own, String key, String value, boolean local) {
        List<Parameter> result = new ArrayList<>(own);
        for (int i = 0; i < result.size(); i++) {
            Parameter p = result.get(i);
            if (p.key().equals(key) && p.local() == local) {
                result.set(i, new Parameter(key, value, local));
                return result;
            }
        }
        result.add(new Parameter(key, value, local));
        return result;
    }

    /** Without the key in the given form, or in both forms when {@code local} is null. */
    public static List<Parameter> without(List<Parameter> own, String key, Boolean local) {
        return own.stream()
                .filter(p -> !(p.key().equals(key) && (local == null || p.local() == local)))
                .toList();
    }
}
