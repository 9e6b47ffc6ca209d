package org.argusee.argusconf.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.argusee.argusconf.control.model.Diagnostic;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedConfig;
import org.argusee.tree.control.ParameterCatalog;

/**
 * The new text of one stored block (a Method with its schedules, Resolv, snmpoid, schedule, cron), checked as the
 * import checks it: read as a file of its own at top level (where every one of these keywords is allowed, and
 * schedule and cron are checked in the tree's context wherever they are stored), which must hold exactly one block
 * of the stored keyword and nothing else. Errors name the line in the text as the editor shows it.
 *
 * @param block what to store; null when there are errors
 */
public record BlockEdit(ConfigBlock block, List<Diagnostic> errors, List<Diagnostic> warnings) {

    /** The file name errors carry: the text being edited. */
    public static final String FILE = "block";

    public BlockEdit {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** A new block of any of the kinds: the text says which. */
    public static BlockEdit checkNew(String text, ParameterCatalog catalog) {
        return check(text, null, catalog);
    }

    /** @param keyword the kind the text must keep; null for any */
    public static BlockEdit check(String text, String keyword, ParameterCatalog catalog) {
        String kind = keyword == null ? "one Method, Resolv, snmpoid, schedule or cron" : keyword;
        ConfigSource source =
                ConfigSource.memory(Map.of(FILE, text.getBytes(StandardCharsets.UTF_8)), FILE, ConfigLimits.defaults());
        CheckedConfig checked = new ConfigChecker(catalog).check(source);
        List<Diagnostic> errors = new ArrayList<>(checked.errors());
        if (!errors.isEmpty()) {
            return new BlockEdit(null, errors, checked.warnings());
        }
        ParsedConfig parsed = checked.parsed();
        Location start = new Location(FILE, 1);
        if (!parsed.top().children().isEmpty()
                || !parsed.parameters().isEmpty()
                || parsed.darp().isPresent()) {
            errors.add(Diagnostic.error(
                    start, "only the " + kind + " block belongs here: no objects, parameters or DARP block"));
        }
        int count = parsed.methods().size()
                + parsed.blocks().size()
                + parsed.top().blocks().size();
        List<ConfigBlock> blocks = checked.rows().blocks().getOrDefault(ConfigRows.TOP_ID, List.of());
        if (count != 1 || blocks.size() != 1) {
            errors.add(Diagnostic.error(
                    start,
                    "the text must hold exactly one " + (keyword == null ? "" : keyword + " ") + "block; it holds "
                            + count + " blocks"));
        } else if (keyword != null && !blocks.get(0).keyword().equals(keyword)) {
            errors.add(Diagnostic.error(
                    start,
                    "this is a " + keyword + " block; the text holds a "
                            + blocks.get(0).keyword() + " block (add it as a new block)"));
        }
        return errors.isEmpty()
                ? new BlockEdit(blocks.get(0), List.of(), checked.warnings())
                : new BlockEdit(null, errors, checked.warnings());
    }
}
