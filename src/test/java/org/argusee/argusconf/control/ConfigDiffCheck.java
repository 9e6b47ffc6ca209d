package org.argusee.argusconf.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.tree.control.ParameterCatalog;

/**
 * The checker's side of bench/config-diff.sh (the differential against Argus 3.7's {@code argusd -t}): one JVM checks
 * every configuration of a corpus, offline, with the checker the import and {@code POST /api/config/check} use.
 *
 * <p>Arguments: a file listing one configuration path (file or directory) a line, and the output file. Each output
 * line is {@code PATH <TAB> ACCEPT|REJECT <TAB> DIAGNOSTICS}, the diagnostics joined by {@code " | "} as
 * {@link Diagnostic#toString()} writes them, line breaks in messages as spaces. A checker crash is {@code CRASH} with
 * the exception: that is a finding too.
 */
public final class ConfigDiffCheck {

    private ConfigDiffCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ConfigDiffCheck LIST OUTPUT");
        }
        ConfigChecker checker = new ConfigChecker(ParameterCatalog.standard());
        List<String> out = new ArrayList<>();
        for (String path : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!path.isBlank()) {
                out.add(path + "\t" + verdict(checker, Path.of(path)));
            }
        }
        Files.write(Path.of(args[1]), out, StandardCharsets.UTF_8);
    }

    static String verdict(ConfigChecker checker, Path config) {
        try {
            CheckedConfig c = checker.check(ConfigSource.of(config));
            List<String> all = c.diagnostics().stream()
                    .map(d -> d.toString().replaceAll("[\\t\\r\\n]+", " "))
                    .toList();
            return (c.hasErrors() ? "REJECT" : "ACCEPT") + "\t" + String.join(" | ", all);
        } catch (RuntimeException e) {
            return "CRASH\t" + e.toString().replaceAll("[\\t\\r\\n]+", " ");
        }
    }
}
