package org.argusee.tree.control;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable picture of the whole tree at one config revision: objects, their parameters, effective
 * values, full names, and the problems found in the rows. Readers share one snapshot without locking.
 */
public final class TreeSnapshot {

    private final long revision;
    private final TreeNode top;
    private final FullNameIndex index;
    private final Map<Long, TreeNode> byId;
    private final List<TreeNode> preorder;
    private final List<ConfigProblem> problems;

    TreeSnapshot(
            long revision,
            TreeNode top,
            FullNameIndex index,
            Map<Long, TreeNode> byId,
            List<TreeNode> preorder,
            List<ConfigProblem> problems) {
        this.revision = revision;
        this.top = top;
        this.index = index;
        this.byId = Collections.unmodifiableMap(byId);
        this.preorder = Collections.unmodifiableList(preorder);
        this.problems = List.copyOf(problems);
    }

    /**
     * Never throws on bad rows: what cannot be placed is left out and reported in {@link #problems()}.
     *
     * @throws NullPointerException if an argument itself is null
     */
    public static TreeSnapshot build(
            long revision, Collection<ObjectRow> objects, Collection<ParamRow> params, ParameterCatalog catalog) {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(catalog, "catalog");
        return new TreeBuilder().build(revision, objects, params, catalog);
    }

    /** Just Top, revision 0. */
    public static TreeSnapshot empty() {
        return Empty.INSTANCE;
    }

    public long revision() {
        return revision;
    }

    public TreeNode top() {
        return top;
    }

    public Optional<TreeNode> find(String fullName) {
        return fullName == null ? Optional.empty() : index.find(fullName);
    }

    public Optional<TreeNode> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Objects in the tree, Top included. */
    public int size() {
        return preorder.size();
    }

    /** Depth first, parents before children, children in their order. */
    public Stream<TreeNode> nodes() {
        return preorder.stream();
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    static List<TreeNode> preorder(TreeNode top) {
        List<TreeNode> out = new ArrayList<>();
        Deque<TreeNode> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            TreeNode node = stack.pop();
            out.add(node);
            List<TreeNode> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return out;
    }

    private static final class Empty {
        static final TreeSnapshot INSTANCE = build(
                0,
                List.of(new ObjectRow(0, null, ObjectKind.TOP, "Top", null, null, 0)),
                List.of(),
                ParameterCatalog.parse(Reader.nullReader()));
    }
}
