package org.argusee.argusconf.control.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.argusee.tree.control.ObjectKind;

/**
 * What a configuration says, before any of it is applied: the tree (Top holds the top-level parameters and
 * the objects), the notification Methods, the DARP block, the global blocks (Resolv, snmpoid), and every
 * diagnostic the reading and parsing found. Lists are read-only.
 */
public final class ParsedConfig {

    private final ParsedObject top;
    private final List<ParsedBlock> methods;
    private final ParsedBlock darp;
    private final List<ParsedBlock> blocks;
    private final List<Diagnostic> diagnostics;

    public ParsedConfig(
            ParsedObject top,
            List<ParsedBlock> methods,
            ParsedBlock darp,
            List<ParsedBlock> blocks,
            List<Diagnostic> diagnostics) {
        this.top = top;
        this.methods = List.copyOf(methods);
        this.darp = darp;
        this.blocks = List.copyOf(blocks);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ParsedObject top() {
        return top;
    }

    /** The top-level {@code key: value} lines. */
    public List<ParsedParam> parameters() {
        return top.params();
    }

    public List<ParsedBlock> methods() {
        return methods;
    }

    public Optional<ParsedBlock> darp() {
        return Optional.ofNullable(darp);
    }

    /** Global blocks in written order: Resolv, snmpoid. */
    public List<ParsedBlock> blocks() {
        return blocks;
    }

    public List<ParsedBlock> blocks(String keyword) {
        return blocks.stream()
                .filter(b -> b.keyword().equalsIgnoreCase(keyword))
                .toList();
    }

    /** In file order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Every object, Top first, parents before children, without recursion. */
    public List<ParsedObject> objects() {
        List<ParsedObject> out = new ArrayList<>();
        Deque<ParsedObject> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            ParsedObject o = stack.pop();
            out.add(o);
            for (int i = o.children().size() - 1; i >= 0; i--) {
                stack.push(o.children().get(i));
            }
        }
        return out;
    }

    public long count(ObjectKind kind) {
        return objects().stream().filter(o -> o.kind() == kind).count();
    }
}
