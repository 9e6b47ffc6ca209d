package org.argusee.argusconf.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an unpacked archive is read: as a config directory (every top-level file, the original's directory rule) or
 * as a main file with its includes. Reading a main file's archive as a directory would read each included file a
 * second time at top level, so the main file is chosen: the one named by the uploader, else, when a top-level
 * file is included by another file, the single top-level file nobody includes (or, among several, the one named
 * {@code config} or {@code argus.conf}). Pure: decides from names and {@code Include} lines only; the parser then
 * reads and reports every include with file and line.
 *
 * @param main the main file, or null to read the archive as a directory
 * @param how what was chosen and why, for the report
 */
public record ArchiveLayout(String main, String how) {

    /** Names an uploader may give the main file without saying so (the original's and the usual ones). */
    static final List<String> USUAL_MAIN = List.of("config", "argus.conf");

    private static final Pattern INCLUDE =
            Pattern.compile("^\\s*include\\s+\"?([^\"#]+?)\"?\\s*(#.*)?$", Pattern.CASE_INSENSITIVE);

    /**
     * @param files the archive's files by root-relative path
     * @param named the main file the uploader named; blank for the default choice
     * @throws IllegalArgumentException naming the files when the named one is not there or the choice is unclear
     */
    public static ArchiveLayout choose(Map<String, byte[]> files, String named) {
        if (named != null && !named.isBlank()) {
            String main = ConfigPaths.resolve(named.strip())
                    .filter(files::containsKey)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the archive has no file '" + named.strip() + "'; it holds " + listed(files.keySet())));
            return new ArchiveLayout(main, "main file '" + main + "' (named), with its includes");
        }
        List<String> top = files.keySet().stream()
                .filter(p -> p.indexOf('/') < 0 && !ConfigPaths.skipped(p))
                .sorted()
                .toList();
        Set<String> included = included(files);
        if (top.stream().noneMatch(included::contains)) {
            return new ArchiveLayout(null, "a config directory of " + top.size() + " top-level files");
        }
        List<String> candidates =
                top.stream().filter(p -> !included.contains(p)).toList();
        if (candidates.size() == 1) {
            return new ArchiveLayout(
                    candidates.get(0),
                    "main file '" + candidates.get(0)
                            + "' (the one top-level file no other includes), with its includes");
        }
        Optional<String> usual =
                USUAL_MAIN.stream().filter(candidates::contains).findFirst();
        if (usual.isPresent()) {
            return new ArchiveLayout(usual.get(), "main file '" + usual.get() + "' (by its name), with its includes");
        }
        throw new IllegalArgumentException("the archive's top-level files include each other, so it is not a config"
                + " directory, but which is the main file is unclear: "
                + (candidates.isEmpty() ? "every one is included by another" : listed(candidates))
                + "; name it (main=FILE)");
    }

    /** Every path some file names in an {@code Include} line, resolved relative to the root, as the reader does. */
    static Set<String> included(Map<String, byte[]> files) {
        Set<String> included = new HashSet<>();
        files.values().forEach(bytes -> {
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                Matcher m = INCLUDE.matcher(line);
                if (m.matches()) {
                    ConfigPaths.resolve(Escapes.decode(m.group(1).strip())).ifPresent(included::add);
                }
            }
        });
        return included;
    }

    private static String listed(java.util.Collection<String> names) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        String shown = String.join(", ", sorted.subList(0, Math.min(20, sorted.size())));
        return sorted.size() > 20 ? shown + " and " + (sorted.size() - 20) + " more" : shown;
    }
}
