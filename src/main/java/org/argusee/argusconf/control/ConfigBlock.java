package org.argusee.argusconf.control;

import java.util.List;
import java.util.Objects;
import org.argusee.argusconf.control.model.ParsedBlock;

/**
 * A block of a config that is not an object of the tree (Method with its schedules, Resolv, snmpoid, cron), as it
 * is stored and written back: its lines in order, and the blocks nested in it. Equal when they say the same, so an
 * import can tell what changed.
 *
 * @param name null for Resolv
 */
public record ConfigBlock(String keyword, String name, List<Line> lines, List<ConfigBlock> blocks) {

    /** A {@code key: value} line ({@code key!:} when local), or a raw line (key null) as schedule blocks hold. */
    public record Line(String key, String value, boolean local) {

        public Line {
            Objects.requireNonNull(value, "value");
        }
    }

    public ConfigBlock {
        Objects.requireNonNull(keyword, "keyword");
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
    }

    /** What is stored of a parsed block: parameters (the last of a repeated key, as for objects), then raw lines. */
    public static ConfigBlock of(ParsedBlock parsed) {
        List<Line> lines = new java.util.ArrayList<>();
        RowConverter.lastOfEach(parsed.params()).forEach(p -> lines.add(new Line(p.key(), p.value(), p.local())));
        parsed.lines().forEach(l -> lines.add(new Line(null, l.text(), false)));
        return new ConfigBlock(
                parsed.keyword(),
                parsed.name(),
                lines,
                parsed.blocks().stream().map(ConfigBlock::of).toList());
    }

    /** What identifies a block among those of one object: two Methods of one name are one, the last wins. */
    public String identity() {
        return keyword + (name == null ? "" : " \"" + name + "\"");
    }
}
