package org.argusee.tree.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The parameters Argus 3.7 knows (parameters.txt, shipped as a resource next to this class), plus this
 * project's own (argusee-parameters.txt, same format, next to it). Immutable.
 *
 * <p>The single-key questions ({@link #isInherited}, {@link #isBoolean}, ...) answer for objects of the tree:
 * they combine only the definitions whose context {@link ParameterContexts#TREE} accepts, as described in
 * {@link ParameterRule}. Code that reads a block (DARP, Method, Resolv) asks {@link #rule(String, Predicate)}
 * or {@link #isKnownIn} with its own contexts.
 */
public final class ParameterCatalog {

    private static final String RESOURCE = "parameters.txt";
    /** This project's own parameters, beyond Argus 3.7's, in the same format. */
    private static final String PROJECT_RESOURCE = "argusee-parameters.txt";

    private final Map<String, List<ParameterDefinition>> byName;
    private final Map<String, ParameterRule> treeRules;
    private final List<String> names;

    private ParameterCatalog(List<ParameterDefinition> definitions) {
        Map<String, List<ParameterDefinition>> map = new LinkedHashMap<>();
        definitions.forEach(
                d -> map.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d));
        map.replaceAll((k, v) -> List.copyOf(v));
        byName = Map.copyOf(map);
        Map<String, ParameterRule> rules = new HashMap<>();
        map.forEach((name, defs) -> combine(name, defs, ParameterContexts.TREE).ifPresent(r -> rules.put(name, r)));
        treeRules = Map.copyOf(rules);
        names = List.copyOf(new TreeSet<>(map.keySet()));
    }

    /** The list of Argus 3.7, read once. */
    public static ParameterCatalog standard() {
        return Standard.INSTANCE;
    }

    /** @throws IllegalArgumentException for a malformed line, naming its number and text */
    public static ParameterCatalog parse(Reader in) {
        return new ParameterCatalog(ParameterListParser.parse(in));
    }

    /** Every definition of the name, in every context, in file order; empty if unknown. */
    public List<ParameterDefinition> definitions(String key) {
        return key == null ? List.of() : byName.getOrDefault(key, List.of());
    }

    /** Known in any context, tree or block. */
    public boolean isKnown(String key) {
        return key != null && byName.containsKey(key);
    }

    public boolean isKnownIn(String key, Predicate<String> context) {
        return definitions(key).stream().anyMatch(d -> context.test(d.context()));
    }

    /** How the key behaves on objects of the tree; empty if no tree context knows it. */
    public Optional<ParameterRule> rule(String key) {
        return Optional.ofNullable(key == null ? null : treeRules.get(key));
    }

    /** How the key behaves in the contexts the predicate accepts; empty if none of them knows it. */
    public Optional<ParameterRule> rule(String key, Predicate<String> context) {
        return context == ParameterContexts.TREE ? rule(key) : combine(key, definitions(key), context);
    }

    public boolean isInherited(String key) {
        return rule(key).map(ParameterRule::inherited).orElse(false);
    }

    public boolean isBoolean(String key) {
        return rule(key).map(ParameterRule::bool).orElse(false);
    }

    public boolean isTimespec(String key) {
        return rule(key).map(ParameterRule::timespec).orElse(false);
    }

    /** Allowed values on tree objects; empty means any value. */
    public List<String> values(String key) {
        return rule(key).map(ParameterRule::values).orElse(List.of());
    }

    public Optional<String> defaultValue(String key) {
        return rule(key).map(ParameterRule::defaultValue);
    }

    /** All names, sorted. */
    public Collection<String> names() {
        return names;
    }

    private static Optional<ParameterRule> combine(
            String key, List<ParameterDefinition> all, Predicate<String> context) {
        List<ParameterDefinition> matching =
                all.stream().filter(d -> context.test(d.context())).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(ParameterRule.combine(key, matching));
    }

    /** Loaded on first use; the resources are part of the application, so a failure is a packaging error. */
    private static final class Standard {
        static final ParameterCatalog INSTANCE = load();

        private static ParameterCatalog load() {
            List<ParameterDefinition> all = new ArrayList<>(read(RESOURCE));
            all.addAll(read(PROJECT_RESOURCE));
            return new ParameterCatalog(all);
        }

        private static List<ParameterDefinition> read(String resource) {
            try (InputStream in = ParameterCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "resource " + resource + " missing next to " + ParameterCatalog.class.getName());
                }
                return ParameterListParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
