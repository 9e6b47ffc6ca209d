package org.argusee.tree.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parameter list format: {@code name :: description | attr: .. | vals: .. | default: .. |
 * for example: .. | used in: CONTEXT | v 3.5}. Only the description is required to come first; the other
 * fields may come in any order, each at most once, and {@code used in} is required. Blank lines and lines
 * starting with {@code #} are skipped so the file can carry notes.
 */
final class ParameterListParser {

    private static final List<String> FIELDS = List.of("attr", "vals", "default", "for example", "used in");

    private ParameterListParser() {}

    static List<ParameterDefinition> parse(Reader in) {
        List<ParameterDefinition> result = new ArrayList<>();
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                try {
                    result.add(parseLine(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "parameter list line " + number + ": " + e.getMessage() + ": " + line, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static ParameterDefinition parseLine(String line) {
        int sep = line.indexOf(" :: ");
        if (sep <= 0) {
            throw new IllegalArgumentException("expected 'name :: description | ...'");
        }
        String name = line.substring(0, sep).strip();
        String[] parts = line.substring(sep + 4).split(" \\| ", -1);
        Map<String, String> fields = new HashMap<>();
        String since = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.matches("v \\S+")) {
                if (since != null) {
                    throw new IllegalArgumentException("version given twice");
                }
                since = part.substring(2);
                continue;
            }
            String field = FIELDS.stream()
                    .filter(f -> part.startsWith(f + ":"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown field '" + part + "'"));
            if (fields.put(field, part.substring(field.length() + 1).strip()) != null) {
                throw new IllegalArgumentException("field '" + field + "' given twice");
            }
        }
        String context = fields.get("used in");
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("no 'used in' context");
        }
        return new ParameterDefinition(
                name,
                parts[0].strip(),
                Set.copyOf(words(fields.get("attr"))),
                words(fields.get("vals")),
                emptyToNull(fields.get("default")),
                context,
                since);
    }

    private static List<String> words(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
