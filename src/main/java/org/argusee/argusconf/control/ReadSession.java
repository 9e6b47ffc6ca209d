package org.argusee.argusconf.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.argusee.argusconf.control.model.Location;

/**
 * One reading of a {@link ConfigSource}: the byte budget and file count shared by every file opened, main
 * files and includes alike. When the budget runs out the stream in hand ends early and
 * {@link #exhausted()} says so; the caller reports where it stopped.
 */
final class ReadSession {

    private final ConfigStore store;
    private final String main;
    private final ConfigLimits limits;
    private final DiagnosticLog log;
    private long remaining;
    private boolean exhausted;
    private int filesOpened;

    ReadSession(ConfigStore store, String main, ConfigLimits limits, DiagnosticLog log) {
        this.store = store;
        this.main = main;
        this.limits = limits;
        this.log = log;
        this.remaining = limits.maxBytes();
    }

    ConfigLimits limits() {
        return limits;
    }

    /** The files to read in order; reports (and returns none) if the root cannot be listed. */
    List<String> mainFiles() {
        store.rejected()
                .forEach(name ->
                        log.error(new Location(name, 0), "file '" + name + "' is outside the configuration; ignored"));
        if (main != null) {
            return List.of(main);
        }
        try {
            List<String> files = store.rootFiles();
            if (files.isEmpty()) {
                log.error(new Location(".", 0), "the configuration directory holds no files");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            log.error(new Location(".", 0), "cannot list the configuration directory: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * @throws TooManyFiles past the file limit
     * @throws IOException  as {@link ConfigStore#open}
     */
    InputStream open(String path) throws IOException {
        if (filesOpened >= limits.maxFiles()) {
            throw new TooManyFiles();
        }
        filesOpened++;
        return new Budgeted(store.open(path));
    }

    boolean exhausted() {
        return exhausted;
    }

    static final class TooManyFiles extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts every byte against the session; at the limit it ends the stream instead of reading on. */
    private final class Budgeted extends InputStream {
        private final InputStream in;

        Budgeted(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining <= 0) {
                // one byte more than allowed tells a file of exactly the limit from a bigger one
                if (!exhausted && in.read() >= 0) {
                    exhausted = true;
                }
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
