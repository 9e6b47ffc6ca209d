package org.argusee.argusconf.control;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An upload unpacked into memory, path to content. Names are normalised once; an entry whose name leaves the
 * root ({@code ../x}, {@code /etc/x}) is never readable and is reported. The byte arrays are shared, not
 * copied: whoever unpacked the upload has already bounded its size.
 */
final class MemoryStore implements ConfigStore {

    private final Map<String, byte[]> files = new TreeMap<>();
    private final List<String> rejected = new ArrayList<>();

    MemoryStore(Map<String, byte[]> entries) {
        entries.forEach((name, bytes) -> {
            Optional<String> path = name == null ? Optional.empty() : ConfigPaths.resolve(name);
            if (path.isPresent() && bytes != null) {
                files.put(path.get(), bytes);
            } else {
                rejected.add(String.valueOf(name));
            }
        });
    }

    @Override
    public List<String> rootFiles() {
        return files.keySet().stream()
                .filter(p -> p.indexOf('/') < 0)
                .filter(p -> !ConfigPaths.skipped(p))
                .toList();
    }

    @Override
    public InputStream open(String path) throws NoSuchFileException {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new NoSuchFileException(path);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public List<String> rejected() {
        return List.copyOf(rejected);
    }
}
