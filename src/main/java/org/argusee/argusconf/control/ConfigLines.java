package org.argusee.argusconf.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.argusee.argusconf.control.model.Location;

/**
 * The statements of one main file with its includes spliced in where they are named. Keeps the stack of
 * open files, which is what the depth limit and the loop check look at, and tells the parser when each file
 * ends so that blocks cannot run from one file into another.
 */
final class ConfigLines {

    /** Told when a file has been read to its end (or stopped), before lines of the includer go on. */
    interface FileEnd {
        void ended(int fileId, String file, int lastLine);
    }

    private record Open(int id, String path, LineReader reader, InputStream stream) {}

    private final ReadSession session;
    private final DiagnosticLog log;
    private final FileEnd fileEnd;
    private final Deque<Open> open = new ArrayDeque<>();
    private int nextId;
    private boolean stopped;

    ConfigLines(ReadSession session, DiagnosticLog log, FileEnd fileEnd) {
        this.session = session;
        this.log = log;
        this.fileEnd = fileEnd;
    }

    void openMain(String path) {
        push(path, new Location(path, 0), "configuration file '" + path + "' not found");
    }

    /**
     * {@code Include "name"} at {@code at}: relative to the root (the configuration directory, or the main file's),
     * from whichever file includes it, as Argus 3.7 opens it (Conf::openfile: its base directory, not the including
     * file's); never outside the root.
     */
    void include(String name, Location at) {
        Optional<String> path = ConfigPaths.resolve(name);
        if (path.isEmpty()) {
            log.error(at, "include file '" + name + "' is outside the configuration; ignored");
            return;
        }
        if (open.stream().anyMatch(o -> o.path().equals(path.get()))) {
            List<String> chain = new ArrayList<>();
            open.descendingIterator().forEachRemaining(o -> chain.add(o.path()));
            chain.add(path.get());
            log.error(at, "include loop: " + String.join(" -> ", chain) + "; ignored");
            return;
        }
        if (open.size() > session.limits().maxIncludeDepth()) {
            log.error(
                    at,
                    "includes nested deeper than " + session.limits().maxIncludeDepth() + "; '" + name + "' ignored");
            return;
        }
        push(path.get(), at, "missing include file '" + name + "'");
    }

    /** The next statement of any open file, or null when the main file and its includes are done. */
    LogicalLine next() {
        while (!open.isEmpty() && !stopped) {
            Open current = open.peek();
            LogicalLine line = current.reader().next();
            if (session.exhausted()) {
                log.error(
                        new Location(current.path(), current.reader().lineNumber()),
                        "configuration larger than "
                                + ConfigLimits.describeBytes(session.limits().maxBytes()) + "; reading stopped here");
                stopped = true;
                closeAll();
                return null;
            }
            if (line != null) {
                return line;
            }
            close(open.pop());
            fileEnd.ended(current.id(), current.path(), current.reader().lineNumber());
        }
        return null;
    }

    /** The file of the line {@link #next} returned last. */
    int currentFileId() {
        return open.isEmpty() ? -1 : open.peek().id();
    }

    /** True after a limit stopped reading: what follows is missing, so nothing more should be concluded. */
    boolean stopped() {
        return stopped;
    }

    private void push(String path, Location at, String missing) {
        try {
            InputStream stream = session.open(path);
            LineReader reader = new LineReader(stream, path, session.limits().maxLineLength(), log);
            open.push(new Open(nextId++, path, reader, stream));
        } catch (ReadSession.TooManyFiles e) {
            log.error(at, "more than " + session.limits().maxFiles() + " files; reading stopped");
            stopped = true;
            closeAll();
        } catch (NoSuchFileException e) {
            log.error(at, missing);
        } catch (SecurityException e) {
            log.error(at, e.getMessage() + "; ignored");
        } catch (IOException | UncheckedIOException e) {
            log.error(at, missing + ": " + e.getMessage());
        }
    }

    private void closeAll() {
        while (!open.isEmpty()) {
            close(open.pop());
        }
    }

    private static void close(Open o) {
        try {
            o.stream().close();
        } catch (IOException e) {
            // nothing was written, so a failed close loses nothing
        }
    }
}
