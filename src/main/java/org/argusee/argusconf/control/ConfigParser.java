package org.argusee.argusconf.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.argusconf.control.model.ParsedLine;
import org.argusee.argusconf.control.model.ParsedObject;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.ObjectKind;

/**
 * Argus configuration text to a {@link ParsedConfig}. Open blocks live on an explicit stack, so nesting
 * depth costs heap, not Java stack. Never throws for any input: every problem becomes a diagnostic with its
 * file and line, and parsing goes on so that one run reports everything. A block must close in the file
 * that opened it; what is still open at the end of a file is reported there and closed.
 */
public final class ConfigParser {

    final DiagnosticLog log;
    final Deque<Frame> stack = new ArrayDeque<>();
    final List<ParsedBlock> methods = new ArrayList<>();
    final List<ParsedBlock> blocks = new ArrayList<>();
    ParsedBlock darp;
    ConfigLines lines;
    /** The original's Dashboard block (3.7): its layout has no counterpart here, so it is read past, with a warning. */
    private static final String DASHBOARD = "Dashboard";

    static final String DASHBOARD_NOT_USED = "block 'Dashboard' accepted, not used by this server: the original's"
            + " dashboard pages and their layout; the dashboard here lays itself out";

    private final ParsedObject top;
    private final BlockOpener opener = new BlockOpener(this);

    private ConfigParser(ConfigLimits limits) {
        log = new DiagnosticLog(limits.maxDiagnostics());
        Frame frame = new Frame(Frame.Type.TOP, ObjectKind.TOP, -1, new Location("", 0));
        top = frame.object("Top", null, null);
        stack.push(frame);
    }

    public static ParsedConfig parse(ConfigSource source) {
        return new ConfigParser(source.limits()).run(source);
    }

    /** Pasted text, read as one file named {@code config}. */
    public static ParsedConfig parse(String text) {
        return parse(ConfigSource.text(text));
    }

    private ParsedConfig run(ConfigSource source) {
        ReadSession session = source.open(log);
        for (String main : session.mainFiles()) {
            lines = new ConfigLines(session, log, this::fileEnded);
            lines.openMain(main);
            LogicalLine line;
            while ((line = lines.next()) != null) {
                handle(line);
            }
            if (lines.stopped()) {
                break;
            }
        }
        return new ParsedConfig(top, methods, darp, blocks, log.list());
    }

    private void handle(LogicalLine line) {
        Frame frame = stack.peek();
        if (frame.type == Frame.Type.IGNORED || frame.type == Frame.Type.SCHEDULE) {
            raw(frame, line);
            return;
        }
        Statement s = Statement.classify(line, frame.type == Frame.Type.DARP);
        switch (s.type()) {
            case CLOSE -> close(line, s.rest());
            case DATA -> data(frame, s);
            case KEYWORD -> opener.open(frame, s);
            case UNKNOWN_BLOCK -> {
                if (stack.size() == 1 && s.word().equalsIgnoreCase(DASHBOARD)) {
                    log.warning(line.location(), DASHBOARD_NOT_USED);
                } else {
                    log.error(line.location(), "unknown block keyword '" + s.word() + "'");
                }
                ignoreBlock(s);
            }
            case INVALID -> {
                log.error(
                        line.location(),
                        "invalid line '" + shorten(line.text()) + "'"
                                + (line.text().indexOf(':') > 0 ? ": a parameter is written 'key: value'" : ""));
                ignoreBlock(s);
            }
        }
    }

    /** Lines of a schedule block are kept as written; a skipped block only has its braces counted. */
    private void raw(Frame frame, LogicalLine line) {
        String text = line.text();
        if (text.startsWith("}")) {
            close(line, text.substring(1).trim());
        } else if (frame.type == Frame.Type.IGNORED) {
            if (text.endsWith("{")) {
                push(new Frame(Frame.Type.IGNORED, null, lines.currentFileId(), line.location()));
            }
        } else {
            ScheduleLine.problem(text)
                    .ifPresentOrElse(
                            why -> log.error(line.location(), "invalid schedule line '" + shorten(text) + "': " + why),
                            () -> frame.lines.add(new ParsedLine(text, line.location())));
        }
    }

    private void data(Frame frame, Statement s) {
        Location at = s.line().location();
        if (frame.ordered() && frame.phase > Keyword.DATA) {
            log.warning(at, "data after block ignored: '" + s.key() + (s.local() ? "!" : "") + "'");
            return;
        }
        if (!frame.firstTime(s.key(), s.local())) {
            log.warning(at, "repeated parameter '" + s.key() + "'");
        }
        frame.params.add(new ParsedParam(s.key(), Escapes.decode(s.value()), s.local(), at));
    }

    private void close(LogicalLine line, String after) {
        Frame frame = stack.peek();
        if (stack.size() == 1 || frame.fileId != lines.currentFileId()) {
            log.error(line.location(), "'}' without a block to close");
            return;
        }
        stack.pop();
        if (!after.isEmpty()) {
            log.warning(line.location(), "text after '}' ignored");
        }
    }

    private void fileEnded(int fileId, String file, int lastLine) {
        while (stack.size() > 1 && stack.peek().fileId == fileId) {
            Frame frame = stack.pop();
            if (frame.type != Frame.Type.IGNORED || stack.peek().type != Frame.Type.IGNORED) {
                log.error(
                        new Location(file, lastLine),
                        "unterminated block (opened at line " + frame.opened.line() + ")");
            }
        }
    }

    void push(Frame frame) {
        stack.push(frame);
    }

    /** After an error on a line that opens a block, the block's content is skipped rather than misread. */
    void ignoreBlock(Statement s) {
        if (s.opens()) {
            push(new Frame(
                    Frame.Type.IGNORED, null, lines.currentFileId(), s.line().location()));
        }
    }

    static String shorten(String text) {
        String oneLine = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
