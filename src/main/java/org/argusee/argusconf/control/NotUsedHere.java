package org.argusee.argusconf.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.argusee.tree.control.ServiceType;

/**
 * What Argus 3.7 knows and this server accepts without acting on it ({@code not-used-here.txt}, the same list as
 * docs/parity.md): parameters, and service types no monitor probes. A config that uses them imports, and the checker
 * says for each that it does nothing here, so nothing accepted is silently ignored.
 */
public final class NotUsedHere {

    private static final String FILE = "not-used-here.txt";
    private static final NotUsedHere LIST = load();

    private final Map<String, String> keys;
    private final Map<String, String> types;

    private NotUsedHere(Map<String, String> keys, Map<String, String> types) {
        this.keys = keys;
        this.types = types;
    }

    public static NotUsedHere list() {
        return LIST;
    }

    /** Why the parameter does nothing here; empty when it is used. A severity suffix counts as its base key. */
    public Optional<String> parameter(String key) {
        String base = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return Optional.ofNullable(keys.get(base.toLowerCase(Locale.ROOT)));
    }

    /** Why services of this type are not probed here; empty when a monitor takes them. */
    public Optional<String> type(ServiceType type) {
        String full = type.app() == null ? type.base() : type.base() + "/" + type.app();
        return Optional.ofNullable(types.getOrDefault(full, types.get(type.base())));
    }

    public Map<String, String> parameters() {
        return Map.copyOf(keys);
    }

    public Map<String, String> types() {
        return Map.copyOf(types);
    }

    private static NotUsedHere load() {
        Map<String, String> keys = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        try (InputStream in = NotUsedHere.class.getResourceAsStream(FILE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int sep = line.indexOf(" :: ");
                String why = line.substring(sep + 4).strip();
                String names = line.substring(0, sep).strip();
                if (names.startsWith("type ")) {
                    types.put(names.substring(5).strip(), why);
                } else {
                    for (String k : names.split("\\s+")) {
                        keys.put(k.toLowerCase(Locale.ROOT), why);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
        return new NotUsedHere(Map.copyOf(keys), Map.copyOf(types));
    }
}
