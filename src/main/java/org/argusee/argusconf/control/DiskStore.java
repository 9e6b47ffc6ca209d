package org.argusee.argusconf.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files under a directory. Real paths are compared so that a symbolic link cannot lead out of the root. */
final class DiskStore implements ConfigStore {

    private final Path root;

    DiskStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<String> rootFiles() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !ConfigPaths.skipped(name))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            throw new NoSuchFileException(path);
        }
        Path real = file.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            throw new SecurityException("'" + path + "' leads outside the configuration directory");
        }
        if (!Files.isRegularFile(real)) {
            throw new NoSuchFileException(path, null, "not a regular file");
        }
        return Files.newInputStream(real);
    }
}
