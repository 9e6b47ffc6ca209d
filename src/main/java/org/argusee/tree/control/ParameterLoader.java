package org.argusee.tree.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Hands each object its parameter rows, in position order, after validation. A value the validator refuses
 * stays among the object's own parameters (that is what is stored) but is not used for effective values,
 * so readers never see a frequency that does not parse; the problem says why.
 */
final class ParameterLoader {

    private final ParameterValidator validator;
    private final Map<Long, TreeNode> nodes;
    private final Set<Long> knownIds;
    private final ProblemLog problems;

    /** {@code problems} takes those of parameters of missing objects; the others are kept on the nodes. */
    ParameterLoader(ParameterCatalog catalog, Map<Long, TreeNode> nodes, Set<Long> knownIds, ProblemLog problems) {
        this.validator = new ParameterValidator(catalog);
        this.nodes = nodes;
        this.knownIds = knownIds;
        this.problems = problems;
    }

    /** For a snapshot built from the previous one: only {@link #load(TreeNode, List)} is used. */
    ParameterLoader(ParameterCatalog catalog) {
        this(catalog, Map.of(), Set.of(), new ProblemLog());
    }

    /** Problems come in tree order, so two builds of the same rows report alike. */
    void load(Collection<ParamRow> params, List<TreeNode> preorder) {
        for (ParamRow row : params) {
            if (row == null) {
                continue;
            }
            TreeNode node = nodes.get(row.objectId());
            if (node != null) {
                if (node.pendingRows == null) {
                    node.pendingRows = new ArrayList<>();
                }
                node.pendingRows.add(row);
            } else if (!knownIds.contains(row.objectId())) {
                problems.add(
                        "#" + row.objectId(),
                        "parameters." + row.key(),
                        "parameter of object #" + row.objectId() + ", which does not exist");
            }
        }
        for (TreeNode node : preorder) {
            if (node.pendingRows != null) {
                load(node, node.pendingRows);
                node.pendingRows = null;
            }
        }
    }

    /** Sets the node's parameters and its parameter problems from its rows (sorted here, by position). */
    void load(TreeNode node, List<ParamRow> rows) {
        List<ConfigProblem> found = new ArrayList<>(0);
        rows.sort(Comparator.comparingInt(ParamRow::position));
        List<Parameter> own = new ArrayList<>(rows.size());
        List<Parameter> usable = new ArrayList<>(rows.size());
        for (ParamRow row : rows) {
            if (row.key() == null) {
                found.add(new ConfigProblem(node.fullName(), "parameters", "a parameter without a key; ignored"));
                continue;
            }
            Parameter p = new Parameter(row.key(), Objects.requireNonNullElse(row.value(), ""), row.local());
            own.add(p);
            boolean ok = true;
            for (ParameterIssue issue : validator.check(row.key(), row.value())) {
                if (issue.severity() == ParameterIssue.Severity.ERROR) {
                    found.add(new ConfigProblem(node.fullName(), "parameters." + row.key(), issue.message()));
                    ok = false;
                }
            }
            if (ok) {
                usable.add(p);
            }
        }
        node.setParameters(own, usable);
        node.parameterProblems = found.isEmpty() ? List.of() : List.copyOf(found);
    }
}
