package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a parameter behaves in a set of contexts, combined from all its definitions there. When the
 * definitions disagree the rule takes the permissive side, so that no context rejects a value another
 * context accepts: inherited if any context inherits it (that context reads it from ancestors); boolean,
 * timespec or restricted to values only if every context says so; a default only if all agree.
 * In the tree the disagreements are few: {@code param} (free for Agent, a list for Self) and {@code pass}
 * (a default for FreeSWITCH only).
 */
public record ParameterRule(
        String key,
        List<ParameterDefinition> definitions,
        boolean inherited,
        boolean bool,
        boolean timespec,
        List<String> values,
        String defaultValue,
        boolean deprecated) {

    public ParameterRule {
        definitions = List.copyOf(definitions);
        values = List.copyOf(values);
    }

    static ParameterRule combine(String key, List<ParameterDefinition> definitions) {
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("no definitions for '" + key + "'");
        }
        boolean inherited = definitions.stream().anyMatch(ParameterDefinition::inherited);
        boolean bool = definitions.stream().allMatch(ParameterDefinition::bool);
        boolean timespec = definitions.stream().allMatch(ParameterDefinition::timespec);
        boolean deprecated = definitions.stream().allMatch(ParameterDefinition::deprecated);
        List<String> values = List.of();
        if (definitions.stream().noneMatch(d -> d.values().isEmpty())) {
            Set<String> union = new LinkedHashSet<>();
            definitions.forEach(d -> union.addAll(d.values()));
            values = new ArrayList<>(union);
        }
        String first = definitions.get(0).defaultValue();
        boolean agreed = definitions.stream().allMatch(d -> Objects.equals(d.defaultValue(), first));
        String defaultValue = agreed ? first : null;
        return new ParameterRule(key, definitions, inherited, bool, timespec, values, defaultValue, deprecated);
    }
}
