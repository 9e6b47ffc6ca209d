package org.argusee.argusconf.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.argusee.argusconf.control.model.Location;
import org.argusee.argusconf.control.model.ParsedBlock;
import org.argusee.argusconf.control.model.ParsedParam;
import org.argusee.tree.control.ObjectKind;

/**
 * What a keyword line does: checks where it stands (place and order), then adds the object or block to the
 * model and opens its frame. A keyword refused here has its block skipped, so its content is not misread as
 * belonging to the enclosing block.
 */
final class BlockOpener {

    private static final Pattern TWO_NAMES = Pattern.compile("\"([^\"]*)\"\\s+\"([^\"]*)\"|(\\S+)\\s+(\\S+)");

    private final ConfigParser parser;

    BlockOpener(ConfigParser parser) {
        this.parser = parser;
    }

    void open(Frame frame, Statement s) {
        Keyword k = s.keyword();
        Location at = s.line().location();
        if (k == Keyword.INCLUDE) {
            name(s.rest())
                    .ifPresentOrElse(
                            file -> parser.lines.include(file, at),
                            () -> parser.log.error(at, "Include needs a file name: Include \"file\""));
            return;
        }
        if (!frame.allows(k)) {
            parser.log.error(
                    at,
                    k == Keyword.SERVICE && frame.type == Frame.Type.TOP
                            ? "Service not allowed at top level"
                            : k.label() + " not allowed " + frame.where());
            parser.ignoreBlock(s);
            return;
        }
        if (k == Keyword.SCHEDULE && frame.type == Frame.Type.OBJECT && !frame.children.isEmpty()) {
            // Argus 3.7 reads a schedule as a parameter, so after a child object it is dropped ("unused
            // parameter"), as data after a block is (docs/parity.md, "configsweep"); after a cron it is read
            parser.log.warning(at, "data after block ignored: 'schedule " + s.rest() + "'");
            parser.ignoreBlock(s);
            return;
        }
        frame.phase = Math.max(frame.phase, k.phase());
        switch (k) {
            case GROUP, HOST -> object(frame, s, k == Keyword.GROUP ? ObjectKind.GROUP : ObjectKind.HOST);
            case SERVICE -> service(frame, s);
            case ALIAS -> alias(frame, s);
            case METHOD ->
                named(s, Frame.Type.METHOD).ifPresent(b -> {
                    if (parser.methods.stream().anyMatch(m -> m.name().equals(b.name()))) {
                        parser.log.warning(at, "repeated Method '" + b.name() + "'");
                    }
                    parser.methods.add(b);
                });
            case DARP -> darp(s);
            case MASTER, SLAVE, SCHEDULE, CRON -> named(s, type(k)).ifPresent(frame.blocks::add);
            case RESOLV -> resolv(s);
            case SNMPOID -> snmpoid(s);
            default -> throw new IllegalStateException("unhandled keyword " + k);
        }
    }

    private void object(Frame parent, Statement s, ObjectKind kind) {
        Optional<String> name = name(s.rest());
        if (name.isEmpty()) {
            parser.log.error(s.line().location(), kind.label() + " needs a name: " + kind.label() + " \"name\" {");
            parser.ignoreBlock(s);
            return;
        }
        Frame frame = open(s, Frame.Type.OBJECT, kind, kind.label() + " \"" + name.get() + "\"");
        parent.children.add(frame.object(name.get(), null, null));
    }

    private void service(Frame parent, Statement s) {
        String type = Escapes.decode(s.rest());
        if (type.isEmpty()) {
            parser.log.error(s.line().location(), "Service needs a type, like Service TCP/SMTP");
            parser.ignoreBlock(s);
            return;
        }
        Frame frame = new Frame(
                Frame.Type.OBJECT,
                ObjectKind.SERVICE,
                parser.lines.currentFileId(),
                s.line().location());
        if (s.opens()) {
            parser.push(frame);
        }
        parent.children.add(frame.object(null, type, null));
    }

    private void alias(Frame parent, Statement s) {
        Matcher m = TWO_NAMES.matcher(s.rest());
        Location at = s.line().location();
        if (!m.matches()) {
            parser.log.error(at, "Alias needs a name and a target: Alias \"name\" \"Top:Group:Target\"");
        } else {
            String name = Escapes.decode(m.group(1) != null ? m.group(1) : m.group(3));
            String target = Escapes.decode(m.group(2) != null ? m.group(2) : m.group(4));
            Frame frame = new Frame(Frame.Type.OBJECT, ObjectKind.ALIAS, parser.lines.currentFileId(), at);
            parent.children.add(frame.object(name, null, target));
        }
        if (s.opens()) {
            parser.log.error(at, "an Alias has no block");
            parser.ignoreBlock(s);
        }
    }

    private void darp(Statement s) {
        if (parser.darp != null) {
            // Argus 3.7 reads on without a word; one DARP block is all a server has
            parser.log.warning(
                    s.line().location(),
                    "repeated DARP block (the first is at line "
                            + parser.darp.location().line() + "); ignored");
            parser.ignoreBlock(s);
            return;
        }
        named(s, Frame.Type.DARP).ifPresent(b -> parser.darp = b);
    }

    private void resolv(Statement s) {
        if (!s.rest().isEmpty()) {
            parser.log.warning(s.line().location(), "text after Resolv ignored");
        }
        Frame frame = new Frame(
                Frame.Type.RESOLV, null, parser.lines.currentFileId(), s.line().location());
        if (s.opens()) {
            parser.push(frame);
        }
        parser.blocks.add(frame.block("Resolv", null));
    }

    /** {@code snmpoid name oid} on one line, or {@code snmpoid name {} with {@code oid:} inside. */
    private void snmpoid(Statement s) {
        String[] words = s.rest().isEmpty() ? new String[0] : s.rest().split("\\s+");
        Location at = s.line().location();
        if (s.opens() ? words.length != 1 : words.length != 2) {
            parser.log.error(at, "snmpoid needs a name and an oid: snmpoid name oid, or snmpoid name {");
            parser.ignoreBlock(s);
            return;
        }
        Frame frame = new Frame(Frame.Type.SNMPOID, null, parser.lines.currentFileId(), at);
        if (s.opens()) {
            parser.push(frame);
        } else {
            frame.params.add(new ParsedParam("oid", Escapes.decode(words[1]), false, at));
        }
        parser.blocks.add(frame.block("snmpoid", Escapes.decode(words[0])));
    }

    /** A block that needs a name and a body: Method, DARP, master, slave, schedule, cron. */
    private Optional<ParsedBlock> named(Statement s, Frame.Type type) {
        String label = s.keyword().label();
        Optional<String> name = name(s.rest());
        if (name.isEmpty()) {
            parser.log.error(s.line().location(), label + " needs a name: " + label + " \"name\" {");
            parser.ignoreBlock(s);
            return Optional.empty();
        }
        Frame frame = open(s, type, null, label + " \"" + name.get() + "\"");
        return Optional.of(frame.block(label, name.get()));
    }

    /** Opens the frame; a block keyword without its {@code {} is taken as opening anyway, with a warning. */
    private Frame open(Statement s, Frame.Type type, ObjectKind kind, String what) {
        if (!s.opens()) {
            parser.log.warning(s.line().location(), "missing '{' after " + what + "; block assumed");
        }
        Frame frame =
                new Frame(type, kind, parser.lines.currentFileId(), s.line().location());
        parser.push(frame);
        return frame;
    }

    private static Frame.Type type(Keyword k) {
        return switch (k) {
            case SCHEDULE -> Frame.Type.SCHEDULE;
            case CRON -> Frame.Type.CRON;
            default -> Frame.Type.PEER;
        };
    }

    /** {@code "a name"} or a single bare word; escapes decoded. */
    static Optional<String> name(String rest) {
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            String inner = Escapes.decode(rest.substring(1, rest.length() - 1));
            return inner.isBlank() ? Optional.empty() : Optional.of(inner);
        }
        if (rest.isEmpty() || rest.chars().anyMatch(c -> c <= ' ' || c == '"')) {
            return Optional.empty();
        }
        return Optional.of(Escapes.decode(rest));
    }
}
