package org.argusee.argusconf.control.model;

import java.util.Collections;
import java.util.List;
import org.argusee.tree.control.ObjectKind;

/**
 * An object of the tree as written: {@code Top} (the file itself), {@code Group "name"}, {@code Host "name"},
 * {@code Service TYPE}, {@code Alias "name" "target"}. A class, not a record: a record's generated
 * {@code equals}, {@code hashCode} and {@code toString} recurse into children, and configs may nest 10,000 deep.
 *
 * <p>The lists are read-only views: the parser fills them while it reads, and nothing changes them after.
 */
public final class ParsedObject {

    private final ObjectKind kind;
    private final String name;
    private final String type;
    private final String target;
    private final Location location;
    private final List<ParsedParam> params;
    private final List<ParsedBlock> blocks;
    private final List<ParsedObject> children;

    /**
     * @param name   as written (whitespace not yet turned into {@code _}); null for a Service
     * @param type   the service type as written; null unless a Service
     * @param target the alias target; null unless an Alias
     */
    public ParsedObject(
            ObjectKind kind,
            String name,
            String type,
            String target,
            Location location,
            List<ParsedParam> params,
            List<ParsedBlock> blocks,
            List<ParsedObject> children) {
        this.kind = kind;
        this.name = name;
        this.type = type;
        this.target = target;
        this.location = location;
        this.params = Collections.unmodifiableList(params);
        this.blocks = Collections.unmodifiableList(blocks);
        this.children = Collections.unmodifiableList(children);
    }

    public ObjectKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String target() {
        return target;
    }

    public Location location() {
        return location;
    }

    /** In written order, repeats included. */
    public List<ParsedParam> params() {
        return params;
    }

    /** schedule and cron blocks of this object. */
    public List<ParsedBlock> blocks() {
        return blocks;
    }

    public List<ParsedObject> children() {
        return children;
    }

    /** {@code Group "Servers"}, {@code Service TCP/HTTP}: how the config names it, for messages. */
    public String describe() {
        return switch (kind) {
            case TOP -> "Top";
            case SERVICE -> "Service " + type;
            case ALIAS -> "Alias \"" + name + "\" \"" + target + "\"";
            default -> kind.label() + " \"" + name + "\"";
        };
    }

    @Override
    public String toString() {
        return describe() + " at " + location;
    }
}
