package org.argusee.argusconf.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where the files of a configuration live: a directory on disk or an upload held in memory. */
interface ConfigStore {

    /** Files directly in the root, sorted, the skip rule applied; directories are not config files. */
    List<String> rootFiles() throws IOException;

    /**
     * @param path root-relative, already normalised by {@link ConfigPaths#resolve}
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws SecurityException if it exists but lies outside the root (a symbolic link pointing out)
     */
    InputStream open(String path) throws IOException;

    /** Entries that could never be read because their names leave the root; reported once per read. */
    default List<String> rejected() {
        return List.of();
    }
}
