package org.argusee.argusconf.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a configuration's text comes from, with the limits that bound reading it: a file (its directory is
 * the root includes stay in), a directory (every file directly in it, sorted, skipping {@code .*}, {@code #*},
 * {@code *~}, {@code *.bkp}, {@code CVS*}) or an upload unpacked into memory. Immutable; every parse reads
 * afresh with a budget of its own. Nothing is read until a parser asks.
 */
public final class ConfigSource {

    private final ConfigStore store;
    private final String main;
    private final ConfigLimits limits;

    private ConfigSource(ConfigStore store, String main, ConfigLimits limits) {
        this.store = store;
        this.main = main;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A file or a directory, with the default limits. */
    public static ConfigSource of(Path path) {
        return of(path, ConfigLimits.defaults());
    }

    public static ConfigSource of(Path path, ConfigLimits limits) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            // the file named may itself be a link (/etc/argus/config -> ...): its real directory is the root
            absolute = absolute.toRealPath();
        } catch (IOException e) {
            // does not exist (yet): reading reports it, with the name as given
        }
        if (Files.isDirectory(absolute)) {
            return new ConfigSource(new DiskStore(absolute), null, limits);
        }
        Path parent = absolute.getParent();
        return new ConfigSource(
                new DiskStore(parent == null ? absolute : parent), String.valueOf(absolute.getFileName()), limits);
    }

    /** An unpacked upload read as a directory: every root-level entry, sorted, the skip rule applied. */
    public static ConfigSource memory(Map<String, byte[]> files, ConfigLimits limits) {
        return new ConfigSource(new MemoryStore(files), null, limits);
    }

    /** An unpacked upload whose configuration starts at {@code main}; the other entries are for includes. */
    public static ConfigSource memory(Map<String, byte[]> files, String main, ConfigLimits limits) {
        return new ConfigSource(new MemoryStore(files), Objects.requireNonNull(main, "main"), limits);
    }

    /** Pasted text, as a single file named {@code config}, with the default limits. */
    public static ConfigSource text(String text) {
        return memory(Map.of("config", text.getBytes(StandardCharsets.UTF_8)), "config", ConfigLimits.defaults());
    }

    public ConfigLimits limits() {
        return limits;
    }

    ReadSession open(DiagnosticLog log) {
        return new ReadSession(store, main, limits, log);
    }
}
