package org.argusee.argusconf.control.model;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A block that is not an object of the tree: {@code Method}, {@code DARP} and its {@code master}/{@code slave}
 * blocks, {@code Resolv}, {@code snmpoid}, {@code schedule}, {@code cron}. Kept whole, so nothing written in a
 * config is lost before some part of the application acts on it.
 *
 * <p>The lists are read-only views: the parser fills them while it reads, and nothing changes them after.
 *
 * @param keyword as the original spells it: Method, DARP, master, slave, Resolv, snmpoid, schedule, cron
 * @param name    the name, tag, oid name, schedule name or cron spec; null for Resolv
 * @param lines   raw lines (schedule blocks only)
 * @param blocks  nested blocks: master/slave in DARP, schedule in Method
 */
public record ParsedBlock(
        String keyword,
        String name,
        List<ParsedParam> params,
        List<ParsedLine> lines,
        List<ParsedBlock> blocks,
        Location location) {

    public ParsedBlock {
        params = Collections.unmodifiableList(params);
        lines = Collections.unmodifiableList(lines);
        blocks = Collections.unmodifiableList(blocks);
    }

    /** The last value written for the key (the original keeps the last of repeated keys). */
    public Optional<String> param(String key) {
        for (int i = params.size() - 1; i >= 0; i--) {
            if (params.get(i).key().equals(key)) {
                return Optional.of(params.get(i).value());
            }
        }
        return Optional.empty();
    }

    public List<ParsedBlock> blocks(String keyword) {
        return blocks.stream()
                .filter(b -> b.keyword().equalsIgnoreCase(keyword))
                .toList();
    }
}
