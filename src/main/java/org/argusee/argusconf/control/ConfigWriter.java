package org.argusee.argusconf.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;
import org.argusee.tree.control.ServiceType;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;
import org.argusee.tree.control.Unames;

/**
 * A tree back to Argus configuration text that reads like a person wrote it: blocks nested as the tree is,
 * one tab per level, parameters in their order with {@code key!:} kept, values escaped so they read back the
 * same, {@code Host} blocks for hosts, {@code Alias} lines, and {@code uname:} only where the name is not the
 * one the type and parameters give. Reading the text back gives the same rows. Walks without recursion.
 * An Alias is one line, so parameters on one (possible only by SQL) are not written.
 */
public final class ConfigWriter {

    /** Deeper levels are not indented further, so a 10,000-deep tree stays linear in size and under the limit. */
    static final int MAX_INDENT = 40;

    private static final Set<String> GLOBAL = Set.of("Method", "Resolv", "snmpoid");

    private final StringBuilder out = new StringBuilder();
    private final Map<Long, List<ConfigBlock>> blocks;

    private ConfigWriter(Map<Long, List<ConfigBlock>> blocks) {
        this.blocks = blocks;
    }

    /** The whole tree: Top's parameters first, then its objects. */
    public static String write(TreeSnapshot tree) {
        return write(tree.top());
    }

    /** Top gives the whole tree; any other object gives its block alone, its own parameters only. */
    public static String write(TreeNode node) {
        return write(node, Map.of());
    }

    /**
     * As {@link #write(TreeNode)}, with the non-object blocks. {@code blocks}
     * are the Method, Resolv, snmpoid, schedule and cron blocks by the id of the object they belong to; they are
     * written after the object's parameters, before its children, as the original's order rule asks.
     */
    public static String write(TreeNode node, Map<Long, List<ConfigBlock>> blocks) {
        ConfigWriter writer = new ConfigWriter(blocks);
        writer.tree(node);
        return writer.out.toString();
    }

    /** One stored block (a Method with its schedules, Resolv, snmpoid, schedule, cron) as it would be written. */
    public static String write(ConfigBlock block) {
        ConfigWriter writer = new ConfigWriter(Map.of());
        writer.block(block, 0);
        return writer.out.toString();
    }

    private record Step(TreeNode node, int depth, boolean close) {}

    private void tree(TreeNode root) {
        Deque<Step> stack = new ArrayDeque<>();
        if (root.kind() == ObjectKind.TOP) {
            params(root.ownParameters(), 0);
            globalBlocks(root);
            blocks(root, 0);
            pushChildren(stack, root, 0);
        } else {
            globalBlocks(root);
            stack.push(new Step(root, 0, false));
        }
        while (!stack.isEmpty()) {
            Step step = stack.pop();
            if (step.close()) {
                indent(step.depth()).append("}\n");
                continue;
            }
            TreeNode node = step.node();
            if (step.depth() == 0 && out.length() > 0) {
                out.append('\n');
            }
            if (open(node, step.depth())) {
                stack.push(new Step(node, step.depth(), true));
                pushChildren(stack, node, step.depth() + 1);
            }
        }
    }

    private static void pushChildren(Deque<Step> stack, TreeNode node, int depth) {
        List<TreeNode> children = node.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(new Step(children.get(i), depth, false));
        }
    }

    /** Writes the object's opening (and parameters); true if a block was opened that needs its {@code }}. */
    private boolean open(TreeNode node, int depth) {
        switch (node.kind()) {
            case ALIAS -> {
                indent(depth)
                        .append("Alias ")
                        .append(quoted(node.name()))
                        .append(' ')
                        .append(quoted(node.aliasTarget()))
                        .append('\n');
                return false;
            }
            case SERVICE -> {
                List<Parameter> params = serviceParams(node);
                indent(depth).append("Service ").append(Escapes.encode(node.type()));
                if (params.isEmpty() && !blocks.containsKey(node.id())) {
                    out.append('\n');
                    return false;
                }
                out.append(" {\n");
                params(params, depth + 1);
                blocks(node, depth + 1);
                return true;
            }
            default -> {
                indent(depth)
                        .append(node.kind().label())
                        .append(' ')
                        .append(quoted(node.name()))
                        .append(" {\n");
                params(node.ownParameters(), depth + 1);
                blocks(node, depth + 1);
                return true;
            }
        }
    }

    /**
     * Own parameters, with {@code uname} made to say the service's name: kept as written when it does, set to
     * the name when it does not (a rename through the API), added first when there is none and the name is not
     * the default one.
     */
    private static List<Parameter> serviceParams(TreeNode node) {
        List<Parameter> params = new ArrayList<>(node.ownParameters());
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (p.key().equals("uname")) {
                if (!Unames.sanitize(p.value()).equals(node.name())) {
                    params.set(i, new Parameter("uname", node.name(), p.local()));
                }
                return params;
            }
        }
        if (!defaultName(node).map(node.name()::equals).orElse(false)) {
            params.add(0, new Parameter("uname", node.name(), false));
        }
        return params;
    }

    /** The name the import (and the API) would give this service; empty if it has none. */
    private static Optional<String> defaultName(TreeNode node) {
        Map<String, String> effective = new HashMap<>();
        node.inherited().forEach((key, p) -> effective.put(key, p.value()));
        node.ownParameters().forEach(p -> effective.put(p.key(), p.value()));
        try {
            return Optional.of(Unames.defaultUname(ServiceType.parse(node.type()), effective));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Method, Resolv and snmpoid blocks are global in Argus and allowed only at the top level of a file, wherever
     * they were stored (an import under a group keeps a file's Methods on that group): all of the subtree's are
     * written first, at the top level, so the export always reads back.
     */
    private void globalBlocks(TreeNode root) {
        if (blocks.isEmpty()) {
            return;
        }
        Deque<TreeNode> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            TreeNode node = todo.pop();
            for (ConfigBlock block : blocks.getOrDefault(node.id(), List.of())) {
                if (GLOBAL.contains(block.keyword())) {
                    block(block, 0);
                }
            }
            List<TreeNode> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
    }

    /** The object's own blocks (schedule, cron); nesting is at most Method > schedule, so recursion stays shallow. */
    private void blocks(TreeNode node, int depth) {
        for (ConfigBlock block : blocks.getOrDefault(node.id(), List.of())) {
            if (!GLOBAL.contains(block.keyword())) {
                block(block, depth);
            }
        }
    }

    /**
     * An snmpoid's name, and a schedule's (a parameter's name: {@code schedule notify.major}), are written bare:
     * Argus 3.7 takes a schedule's quotes as part of its name and drops {@code schedule "notify"} as an unused
     * parameter, so a quoted export lost every schedule there (docs/parity.md, "configsweep").
     */
    private static boolean bare(ConfigBlock block) {
        return block.keyword().equals("snmpoid")
                || block.keyword().equals("schedule") && block.name().matches("[A-Za-z0-9_.]+");
    }

    private void block(ConfigBlock block, int depth) {
        if (block.keyword().equals("snmpoid")
                && block.blocks().isEmpty()
                && block.lines().size() == 1
                && "oid".equals(block.lines().get(0).key())
                && !block.lines().get(0).local()) {
            indent(depth)
                    .append("snmpoid ")
                    .append(Escapes.encode(block.name()))
                    .append(' ')
                    .append(Escapes.encode(block.lines().get(0).value()))
                    .append('\n');
            return;
        }
        if (block.keyword().equals("Resolv") && block.lines().isEmpty()) {
            indent(depth).append("Resolv\n");
            return;
        }
        indent(depth).append(block.keyword());
        if (block.name() != null) {
            out.append(' ').append(bare(block) ? Escapes.encode(block.name()) : quoted(block.name()));
        }
        out.append(" {\n");
        for (ConfigBlock.Line line : block.lines()) {
            if (line.key() == null) {
                // kept as written (the parser does not decode schedule lines), so written back as is
                indent(depth + 1).append(line.value()).append('\n');
            } else {
                params(List.of(new Parameter(line.key(), line.value(), line.local())), depth + 1);
            }
        }
        for (ConfigBlock nested : block.blocks()) {
            block(nested, depth + 1);
        }
        indent(depth).append("}\n");
    }

    private void params(List<Parameter> params, int depth) {
        for (Parameter p : params) {
            indent(depth).append(p.key()).append(p.local() ? "!:" : ":");
            if (!p.value().isEmpty()) {
                out.append(' ').append(Escapes.encode(p.value()));
            }
            out.append('\n');
        }
    }

    private StringBuilder indent(int depth) {
        for (int i = Math.min(depth, MAX_INDENT); i > 0; i--) {
            out.append('\t');
        }
        return out;
    }

    private static String quoted(String text) {
        return '"' + Escapes.encodeQuoted(text == null ? "" : text) + '"';
    }
}
