package org.argusee.argusconf.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.argusconf.control.model.Diagnostic;

/** Reads a source the way the parser does, below the parser: statements and diagnostics, includes followed. */
final class Reading {

    private static final Pattern INCLUDE = Pattern.compile("(?i)include\\s+\"(.*)\"");

    final List<LogicalLine> lines = new ArrayList<>();
    final List<String> ended = new ArrayList<>();
    final List<Diagnostic> diagnostics;

    private Reading(ConfigSource source) {
        DiagnosticLog log = new DiagnosticLog(source.limits().maxDiagnostics());
        ReadSession session = source.open(log);
        for (String main : session.mainFiles()) {
            ConfigLines reader = new ConfigLines(session, log, (id, file, last) -> ended.add(file + ":" + last));
            reader.openMain(main);
            LogicalLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
                Matcher m = INCLUDE.matcher(line.text());
                if (m.matches()) {
                    reader.include(m.group(1), line.location());
                }
            }
            if (reader.stopped()) {
                break;
            }
        }
        diagnostics = log.list();
    }

    static Reading of(ConfigSource source) {
        return new Reading(source);
    }

    static Reading text(String text) {
        return of(ConfigSource.text(text));
    }

    /** Files given as name, content, name, content... */
    static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    List<String> texts() {
        return lines.stream().map(LogicalLine::text).toList();
    }

    /** {@code file:line text} for each statement. */
    List<String> located() {
        return lines.stream()
                .map(l -> l.file() + ":" + l.line() + " " + l.text())
                .toList();
    }

    List<String> messages() {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }
}
