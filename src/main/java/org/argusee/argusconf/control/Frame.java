package org.argusee.argusconf.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedLine;
import org.argusee.argusconf.control.model.ParsedObject;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.ObjectKind;

/**
 * An open block on the parser's stack. Holds the very lists its model object was created with, so lines are
 * added to the model as they are read and closing a block is just popping it.
 */
final class Frame {

    enum Type {
        TOP,
        OBJECT,
        METHOD,
        DARP,
        PEER,
        RESOLV,
        SNMPOID,
        SCHEDULE,
        CRON,
        /** A block being skipped after an error: only its braces are counted. */
        IGNORED
    }

    final Type type;
    final ObjectKind kind;
    final int fileId;
    final Location opened;
    final List<ParsedParam> params = new ArrayList<>();
    final List<ParsedLine> lines = new ArrayList<>();
    final List<ParsedBlock> blocks = new ArrayList<>();
    final List<ParsedObject> children = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    int phase = Keyword.DATA;

    Frame(Type type, ObjectKind kind, int fileId, Location opened) {
        this.type = type;
        this.kind = kind;
        this.fileId = fileId;
        this.opened = opened;
    }

    ParsedObject object(String name, String type, String target) {
        return new ParsedObject(kind, name, type, target, opened, params, blocks, children);
    }

    ParsedBlock block(String keyword, String name) {
        return new ParsedBlock(keyword, name, params, lines, blocks, opened);
    }

    /** False if the key was set before in the same form ({@code key!:} and {@code key:} are different). */
    boolean firstTime(String key, boolean local) {
        return seen.add((local ? "!" : "") + key);
    }

    /** For messages: "in a Group", "at top level". */
    String where() {
        return switch (type) {
            case TOP -> "at top level";
            case OBJECT -> "in a " + kind.label();
            case METHOD -> "in a Method block";
            case DARP -> "in a DARP block";
            case PEER -> "in a master or slave block";
            case RESOLV -> "in a Resolv block";
            case SNMPOID -> "in an snmpoid block";
            case SCHEDULE -> "in a schedule block";
            case CRON -> "in a cron block";
            case IGNORED -> "in an ignored block";
        };
    }

    /** Which keywords may open here; Include may appear anywhere data may. */
    boolean allows(Keyword k) {
        return switch (type) {
                    case TOP -> k != Keyword.SERVICE && k != Keyword.MASTER && k != Keyword.SLAVE;
                    case OBJECT ->
                        kind == ObjectKind.SERVICE
                                ? k == Keyword.CRON || k == Keyword.SCHEDULE
                                : k == Keyword.GROUP
                                        || k == Keyword.HOST
                                        || k == Keyword.SERVICE
                                        || k == Keyword.ALIAS
                                        || k == Keyword.CRON
                                        || k == Keyword.SCHEDULE;
                    case METHOD -> k == Keyword.SCHEDULE;
                    case DARP -> k == Keyword.MASTER || k == Keyword.SLAVE;
                    default -> false;
                }
                || k == Keyword.INCLUDE;
    }

    /** Frames whose order rule (data, then blocks, then objects) applies. */
    boolean ordered() {
        return type == Type.TOP || type == Type.OBJECT || type == Type.METHOD || type == Type.DARP;
    }
}
