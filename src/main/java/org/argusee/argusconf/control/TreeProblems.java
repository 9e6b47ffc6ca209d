package org.argusee.argusconf.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.argusee.argusconf.control.model.Location;
import org.argusee.tree.control.ConfigProblem;
import org.argusee.tree.control.ObjectRow;
import org.argusee.tree.control.TreeNode;
import org.argusee.tree.control.TreeSnapshot;

/**
 * The snapshot's problems, back at the lines they come from. Duplicate full names and alias targets are
 * reported; problems the checker finds itself with a better location (types, values) are not repeated, nor
 * are objects left out only because their parent was (the parent's duplicate says it all).
 */
final class TreeProblems {

    private final TreeSnapshot tree;
    private final ConfigRows rows;
    private final DiagnosticLog log;
    private final Map<Long, ObjectRow> byId = new HashMap<>();

    TreeProblems(TreeSnapshot tree, ConfigRows rows, DiagnosticLog log) {
        this.tree = tree;
        this.rows = rows;
        this.log = log;
        rows.objects().forEach(r -> byId.put(r.id(), r));
    }

    void report() {
        for (ConfigProblem p : tree.problems()) {
            Optional<Long> id = id(p.object());
            Location at = id.flatMap(rows::location).orElse(new Location("", 0));
            switch (p.field()) {
                case "name" ->
                    log.error(
                            at,
                            id.isPresent() && p.object().startsWith("#") ? duplicate(byId.get(id.get())) : p.message());
                case "target" -> log.warning(at, p.message());
                case "type", "parent" -> {}
                default -> {
                    if (!p.field().startsWith("parameters")) {
                        log.error(at, p.message());
                    }
                }
            }
        }
    }

    /** Names the full name and where its first holder is written. */
    private String duplicate(ObjectRow row) {
        Optional<TreeNode> parent = tree.byId(row.parentId());
        String fullName = parent.map(n -> n.fullName() + ":" + row.name()).orElse(row.name());
        String first = tree.find(fullName)
                .flatMap(n -> rows.location(n.id()))
                .map(l -> " (first at " + l + ")")
                .orElse("");
        return "duplicate object name '" + fullName + "'" + first;
    }

    /** {@code #12} or a full name, to the row's id. */
    private Optional<Long> id(String object) {
        if (object.startsWith("#")) {
            try {
                return Optional.of(Long.parseLong(object.substring(1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return tree.find(object).map(TreeNode::id);
    }
}
